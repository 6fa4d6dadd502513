// SPDX-License-Identifier: Apache-2.0
// ehrshare-node: one consortium node per institution (DESIGN.md §8, docs/NODE.md).
NodeCommand.main()
