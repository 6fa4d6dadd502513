// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// Equivocation reports (docs/LEDGER.md §4): when the ledger has seen two different headers one
/// producer signed for one slot, this node puts the proof on chain as an `evidence` transaction
/// signed with its own node key, and relays it like any transaction. The producer then loses
/// its seat on every node that applies the block carrying it.
extension NodeCore {
    func reportEquivocations() {
        for e in ledger.takeEquivocations() where e.producer != index {
            guard let sequence = nextOwnSequence() else { return }
            var t = EvidenceTx(reporter: index, sequence: sequence, first: e.first, second: e.second)
            do {
                try t.sign(with: key, genesisHash: ledger.genesisHash)
                let tx = Transaction.evidence(t)
                try pool.submit(tx)
                counters.acceptedTransactions += 1
                broadcast(.transaction(tx.encoded), except: nil)
                logger.warning("equivocation reported", metadata: ["producer": "\(e.producer)", "slot": "\(e.slot)"])
            } catch {
                // Another node's report may be in the pool or on chain already.
                logger.info("equivocation not reported", metadata: ["producer": "\(e.producer)", "error": "\(error)"])
            }
        }
    }

    /// This node's next sequence number, counting its own node transactions in the pool.
    private func nextOwnSequence() -> UInt64? {
        guard var next = ledger.nextSequence(node: index) else { return nil }
        for tx in pool.transactions {
            let s: UInt64?
            switch tx {
            case let .vote(v) where v.voter == index: s = v.sequence
            case let .dkg(d) where d.sender == index: s = d.sequence
            case let .evidence(x) where x.reporter == index: s = x.sequence
            case let .register(r) where r.sponsor == index: s = r.sponsorSequence
            default: s = nil
            }
            if let s, s >= next { next = s + 1 }
        }
        return next
    }
}
