// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import EhrProtocol

/// `dkg`: the GJKR DKG among the local authorities; broadcasts go on the chain as `dkg`
/// transactions, sealed shares point to point; PARAMS are published and saved with each share.
enum DKGCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        guard node.params == nil else { throw CLIError.failure("the DKG has already been run in \(node.layout.dir)") }
        let n = node.nodeKeys.count
        var dkgKeys: [DKGNodeKey] = []
        for k in 1...n {
            let secret = try Files.read(node.layout.authorityKey(k))
            guard secret.count == 96 else { throw CLIError.failure("\(node.layout.authorityKey(k)) is damaged") }
            dkgKeys.append(try DKGNodeKey(signingSeed: Array(secret[32..<64]), agreementKey: Array(secret[64..<96])))
        }
        let roster = try (0..<n).map { i in
            DKGRosterEntry(name: try Identity("authority-\(i + 1)"), keys: dkgKeys[i].publicKey)
        }
        let nonce = node.ledger.tipHash + (try SystemRandom.bytes(16))
        let session = try DKGSession(roster: roster, threshold: node.threshold, nonce: nonce)
        let authorities = try (1...n).map { k in try DKGAuthority(session: session, index: UInt16(k), key: dkgKeys[k - 1]) }
        var refused: [String] = []

        func exchange(_ act: (DKGAuthority) throws -> [DKGOutgoing]) throws {
            var outgoing: [(from: UInt16, message: DKGOutgoing)] = []
            for a in authorities { for m in try act(a) { outgoing.append((a.index, m)) } }
            var onChain: [Transaction] = []
            var sequences: [Int: UInt64] = [:]
            for (from, m) in outgoing {
                switch m {
                case let .broadcast(bytes):
                    let i = Int(from) - 1
                    let seq = sequences[i].map { $0 + 1 } ?? (node.ledger.nextSequence(node: UInt16(i)) ?? 1)
                    sequences[i] = seq
                    var tx = DKGTx(sender: UInt16(i), sequence: seq, messageType: bytes.count > 5 ? bytes[5] : 0,
                                   payload: bytes)
                    try tx.sign(with: node.nodeKeys[i], genesisHash: node.ledger.genesisHash)
                    onChain.append(.dkg(tx))
                    for a in authorities where a.index != from { deliver(a, bytes, from) }
                case let .direct(to, bytes):
                    if let a = authorities.first(where: { $0.index == to }) { deliver(a, bytes, from) }
                }
            }
            if !onChain.isEmpty { try node.produce(onChain) }
        }

        func deliver(_ a: DKGAuthority, _ bytes: [UInt8], _ from: UInt16) {
            do { _ = try a.receive(bytes, from: from) } catch {
                refused.append("authority \(a.index) refused a message of \(from): \(error)")
            }
        }

        try exchange { try $0.start() }
        for _ in 0..<6 { try exchange { try $0.advance() } }
        guard refused.isEmpty else { throw CLIError.failure("DKG failed: \(refused[0])") }
        let results = authorities.compactMap(\.result)
        guard results.count == n, let first = results.first,
            results.allSatisfy({ $0.params == first.params }), let publisher = first.qual.first
        else { throw CLIError.failure("the DKG did not finish with agreeing PARAMS") }
        let params = first.params
        let sender = UInt16(Int(publisher) - 1)
        var tx = DKGTx(sender: sender, sequence: node.ledger.nextSequence(node: sender) ?? 1,
                       messageType: params.encoded.count > 5 ? params.encoded[5] : 0, payload: params.encoded)
        try tx.sign(with: node.nodeKeys[Int(sender)], genesisHash: node.ledger.genesisHash)
        let (block, _) = try node.produce([.dkg(tx)])
        for r in results {
            try Files.writeAtomically(node.layout.authorityShare(Int(r.index)),
                                      [UInt8(r.index >> 8), UInt8(r.index & 0xff)] + r.secretShare.bigEndianBytes)
        }
        // PARAMS last: its presence marks a finished DKG.
        try Files.writeAtomically(node.layout.params, params.encoded)
        print("DKG finished: QUAL = \(first.qual.map(String.init).joined(separator: ",")), "
            + "PARAMS in block \(block.height), fingerprint \(Hex.encode(params.fingerprint))")
    }
}
