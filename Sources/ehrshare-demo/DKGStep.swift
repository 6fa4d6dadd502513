// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// Step 2: the GJKR DKG among the n authorities (PROTOCOL.md §4, docs/DKG-HOSTS.md §2).
///
/// Each `DKGAuthority` is a sans-IO state machine; the demo is the transport. Broadcasts
/// (commitments, complaints, reveals, Feldman commitments) are published on the ledger as
/// `dkg` transactions signed with the sender's node key — the ledger is the consortium's
/// broadcast channel and sets the round deadlines (DESIGN.md §1) — and handed to every
/// authority; sealed shares go point to point. After the sixth deadline every authority
/// holds its share x_j and the same PARAMS, which go on the ledger too.
struct DKGStep {
    struct Outcome {
        let results: [DKGResult]
        let params: PublicParams
        let context: PREContext
    }

    static func list(_ indices: [UInt16]) -> String { indices.map(String.init).joined(separator: ", ") }

    static func run(_ c: Consortium, _ r: Reporter) throws -> Outcome {
        let n = c.options.authorities
        let t = c.options.threshold
        // The nonce is fresh public randomness fixed on the ledger (docs/DKG-HOSTS.md §1); here
        // it is bound to the chain by deriving it from the tip hash and fresh random bytes.
        let nonce = c.ledger.tipHash + (try SystemRandom.bytes(16))
        let session = try DKGSession(roster: try c.dkgRoster(), threshold: t, nonce: nonce)
        r.info("session id \(shortHex(session.sid, 24)), t = \(t) of n = \(n)")
        let authorities = try (1...n).map { k in
            try DKGAuthority(session: session, index: UInt16(k), key: c.dkgKeys[k - 1])
        }
        // The misbehaving authority, if any: it runs `start` (commitment and shares), then its
        // shares never leave it and it never advances, so it answers no complaint.
        let faulty = c.options.faultyDealer.map { UInt16($0) }
        if let faulty { r.info("authority \(faulty) is faulty: it will withhold its shares and ignore complaints") }
        var sequences = [UInt64](repeating: 0, count: n)
        var refused: [String] = []
        var round = 0

        // One round: every authority acts (start or advance), then its messages travel.
        func exchange(_ act: (DKGAuthority) throws -> [DKGOutgoing]) throws {
            var outgoing: [(from: UInt16, message: DKGOutgoing)] = []
            var withheld = 0
            for a in authorities {
                if a.index == faulty && a.round != .idle { continue }
                for m in try act(a) {
                    if a.index == faulty, case .direct = m {
                        withheld += 1
                        continue
                    }
                    outgoing.append((a.index, m))
                }
            }
            var onChain: [Transaction] = []
            var broadcasts = 0
            var direct = 0
            for (from, m) in outgoing {
                switch m {
                case let .broadcast(bytes):
                    broadcasts += 1
                    let node = Int(from) - 1
                    sequences[node] = c.ledger.nextSequence(node: UInt16(node)).map { max($0, sequences[node] + 1) }
                        ?? sequences[node] + 1
                    var tx = DKGTx(sender: UInt16(node), sequence: sequences[node],
                                   messageType: bytes.count > 5 ? bytes[5] : 0, payload: bytes)
                    try tx.sign(with: c.nodeKeys[node], genesisHash: c.ledger.genesisHash)
                    onChain.append(.dkg(tx))
                    for a in authorities where a.index != from && a.index != faulty { deliver(a, bytes, from) }
                case let .direct(to, bytes):
                    direct += 1
                    if let a = authorities.first(where: { $0.index == to }) { deliver(a, bytes, from) }
                }
            }
            round += 1
            let phase = round == 1 ? "start" : "deadline \(round - 1)"
            let honest = authorities.first { $0.index != faulty }
            var line = "\(phase) → \(honest?.round ?? .failed): \(broadcasts) broadcasts, \(direct) sealed shares"
            if withheld > 0 { line += " (\(withheld) withheld by authority \(faulty ?? 0))" }
            if !onChain.isEmpty {
                let (block, producer) = try c.produce(onChain)
                line += " → block \(block.height) by \(c.nodeName(producer))"
            }
            r.info(line)
        }

        func deliver(_ a: DKGAuthority, _ bytes: [UInt8], _ from: UInt16) {
            do { _ = try a.receive(bytes, from: from) } catch {
                refused.append("authority \(a.index) refused a message of \(from): \(error)")
            }
        }

        try exchange { try $0.start() }
        for _ in 0..<6 { try exchange { try $0.advance() } }

        for line in refused { r.info(line) }
        r.check(refused.isEmpty, "every DKG message was accepted by its recipients")
        let results = authorities.filter { $0.index != faulty }.compactMap(\.result)
        let honestCount = faulty == nil ? n : n - 1
        r.check(results.count == honestCount,
                "all \(honestCount) honest authorities finished the DKG (\(results.count) results)")
        guard let first = results.first, results.count == honestCount else {
            throw DemoAbort(description: "the DKG did not finish")
        }
        let faults = authorities.filter { $0.index != faulty }.flatMap(\.faults)
        if let faulty {
            for f in Set(faults.map { "authority \($0.authority): \($0.kind.rawValue)" }).sorted() { r.info("fault: \(f)") }
            r.check(!faults.isEmpty && faults.allSatisfy { $0.authority == faulty },
                    "the honest authorities blame authority \(faulty) and no one else (\(faults.count) fault records)")
            r.check(first.disqualified == [faulty], "authority \(faulty) is disqualified")
        } else {
            r.check(faults.isEmpty, "no faults recorded (\(faults.count))")
        }
        r.info("QUAL = {\(list(first.qual))}, disqualified = {\(list(first.disqualified))}")
        r.check(results.allSatisfy { $0.qual == first.qual }, "all authorities agree on QUAL")
        r.check(results.allSatisfy { $0.params == first.params },
                "all authorities agree on PARAMS (y and Y_1..Y_\(n))")
        r.check(first.qual.count >= t, "|QUAL| = \(first.qual.count) ≥ t = \(t)")
        let params = first.params
        r.info("master public key y = \(shortHex(params.masterPublicKey.compressed, 32))")
        r.info("fingerprint fp = SHA-256(\"EHRSHARE-V1-MPK\" ‖ y) = \(hex(params.fingerprint))")

        // PARAMS on the ledger (PROTOCOL.md §4), published by the first QUAL member.
        guard let firstQualified = first.qual.first else { throw DemoAbort(description: "QUAL is empty") }
        let publisher = Int(firstQualified) - 1
        var tx = DKGTx(sender: UInt16(publisher), sequence: c.ledger.nextSequence(node: UInt16(publisher)) ?? 1,
                       messageType: params.encoded.count > 5 ? params.encoded[5] : 0, payload: params.encoded)
        try tx.sign(with: c.nodeKeys[publisher], genesisHash: c.ledger.genesisHash)
        let (block, _) = try c.produce([.dkg(tx)])
        r.info("PARAMS (\(params.encoded.count) bytes) published in block \(block.height)")
        return Outcome(results: results, params: params, context: try PREContext(masterPublicKey: params.masterPublicKey))
    }
}
