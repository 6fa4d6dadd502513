// SPDX-License-Identifier: Apache-2.0
// The shared bottom module (DESIGN.md §6) is part of this module's interface: block hashes,
// node-key checks and the registry of type bytes are what callers of the ledger hash, check
// and compare with, so they see EhrWire without a second import.
@_exported import EhrWire
