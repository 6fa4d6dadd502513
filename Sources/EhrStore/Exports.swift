// SPDX-License-Identifier: Apache-2.0
// The shared bottom module (DESIGN.md §6) is part of this module's interface: its SHA-256 and
// key checks are what this module's callers hash and check with, so they see it without a
// second import.
@_exported import EhrWire
