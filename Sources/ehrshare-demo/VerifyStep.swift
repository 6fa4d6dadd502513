// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol

/// Step 9: a full verification from disk (DESIGN.md §3: "the chain is re-verifiable end to
/// end"). The open ledger audits its stored rows against its state; then the database is
/// opened afresh, which replays every block from genesis (links, slots, producers, Merkle
/// roots, Ed25519 and Cha–Cheon signatures, every transaction rule); the record store
/// re-hashes every envelope.
enum VerifyStep {
    static func run(_ c: Consortium, _ context: PREContext, _ r: Reporter) throws {
        let height = c.ledger.height
        let tip = c.ledger.tipHash
        let audited = try c.ledger.verifyStoredChain()
        r.check(audited == height, "audit of the open ledger: \(audited) stored blocks re-verified")
        let verified = try c.reopen(verifier: LedgerSignatureVerifier(context: context))
        r.check(verified == height && c.ledger.tipHash == tip && c.ledger.openReport.truncatedFrom == nil,
                "reopened \(c.ledgerPath): \(verified) blocks verified from genesis, same tip \(shortHex(tip))")
        var kinds: [String: Int] = [:]
        var h: UInt64 = 1
        while h <= c.ledger.height {
            for tx in try c.ledger.block(height: h).transactions { kinds["\(tx.kind)", default: 0] += 1 }
            h += 1
        }
        r.info("transactions on the chain: " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", "))
        let bad = try c.store.verifyAll()
        r.check(bad.isEmpty, "record store: every envelope re-hashes to its address (\(bad.count) bad)")
    }
}
