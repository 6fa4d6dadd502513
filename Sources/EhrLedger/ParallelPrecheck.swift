// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Synchronization

/// The per-block work of opening a chain that does not depend on the state before the block,
/// done for a run of stored rows on all cores (issue #14): checksum, decoding, hash check and
/// the producer's two Ed25519 signatures (header and round beacon).
///
/// Node keys never change once registered, so a signature checked against the key of the
/// producer's index as the state holds it before the run is the signature the sequential rules
/// would check; a block whose producer is registered inside the run is not prechecked and the
/// rules check it as before. Results are identical to the sequential path: the precheck only
/// tells `ChainState.apply` which header signatures it need not verify a second time, and
/// every rule still runs, in order.
enum ParallelPrecheck {
    struct Outcome {
        /// The decoded block, or the decoding failure (reported at its height, in order).
        let block: Result<Block, LedgerError>
        /// Both producer signatures verified against the key known before the run.
        let signaturesVerified: Bool
    }

    /// Rows processed together: enough to keep every core busy, small enough that a bad block
    /// early in a long chain is found without decoding far ahead.
    static let runLength = 256

    static func run(_ rows: [BlockStore.Row], keys: [[UInt8]], genesisHash: [UInt8], k: UInt64,
                    genesis: Genesis, parallelism: Int) -> [Outcome] {
        let results = Mutex([Outcome?](repeating: nil, count: rows.count))
        let chunks = max(1, min(parallelism, rows.count))
        let size = (rows.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * size)..<min(rows.count, (c + 1) * size)
            guard !range.isEmpty else { return }
            var local: [Outcome] = []
            local.reserveCapacity(range.count)
            for i in range {
                local.append(check(rows[i], keys: keys, genesisHash: genesisHash, k: k, genesis: genesis))
            }
            results.withLock { r in
                for (j, o) in local.enumerated() { r[range.lowerBound + j] = o }
            }
        }
        return results.withLock { r in
            r.map { $0 ?? Outcome(block: .failure(.corrupt(height: nil, reason: "precheck missed a row")), signaturesVerified: false) }
        }
    }

    private static func check(_ row: BlockStore.Row, keys: [[UInt8]], genesisHash: [UInt8], k: UInt64,
                              genesis: Genesis) -> Outcome {
        let block: Block
        do throws(LedgerError) { block = try Ledger.verifiedBlock(row) } catch {
            return Outcome(block: .failure(error), signaturesVerified: false)
        }
        let h = block.header
        guard Int(h.producer) < keys.count, h.timestamp >= genesis.genesisTime else {
            return Outcome(block: .success(block), signaturesVerified: false)
        }
        let slot = (h.timestamp - genesis.genesisTime) / UInt64(genesis.slotMillis)
        let key = keys[Int(h.producer)]
        let ok = Ed25519.verify(publicKey: key, message: h.encoded, signature: block.signature)
            && Ed25519.verify(publicKey: key, message: RoundBeacon.message(genesisHash: genesisHash, round: slot / k),
                              signature: h.beacon)
        return Outcome(block: .success(block), signaturesVerified: ok)
    }
}
