// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// The Merkle root of a block's transactions (SHA-256, RFC 6962-style domain separation).
///
/// Leaves are `SHA-256(0x00 ‖ tx bytes)`, inner nodes `SHA-256(0x01 ‖ left ‖ right)`; an odd
/// node at the end of a level is promoted unchanged (not duplicated, so two different
/// transaction lists can never share a root the way Bitcoin's CVE-2012-2459 allowed). The
/// root of no transactions is 32 zero bytes.
enum MerkleTree {
    static func root(_ transactions: [[UInt8]]) -> [UInt8] {
        guard !transactions.isEmpty else { return [UInt8](repeating: 0, count: 32) }
        var level = transactions.map { SHA256.hash(parts: [[0x00], $0]) }
        while level.count > 1 {
            var next: [[UInt8]] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i + 1 < level.count {
                next.append(SHA256.hash(parts: [[0x01], level[i], level[i + 1]]))
                i += 2
            }
            if i < level.count { next.append(level[i]) }
            level = next
        }
        return level[0]
    }
}
