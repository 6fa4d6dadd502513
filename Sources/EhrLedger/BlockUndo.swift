// SPDX-License-Identifier: Apache-2.0

/// What it takes to un-apply one block: the core before it and the large-map entries it changed.
struct BlockUndo: Sendable {
    let core: ChainCore
    let entries: [ChainState.UndoEntry]
}
