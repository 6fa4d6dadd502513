// SPDX-License-Identifier: Apache-2.0
//
// The common sharing workflow through the Swift modules directly (the C and
// Python examples run the same steps through the C ABI; scripts/examples.sh
// checks that the three print the same "workflow:" lines):
//  1. a 2-of-3 GJKR DKG among three in-process DKGAuthority state machines;
//  2. threshold extraction of hospital:st-mary's and doctor:bob's keys from
//     2 verified partial keys each (1 partial key is refused);
//  3. the hospital seals a record (context "record-1"), re-encrypts it to Bob
//     through a proxy, Bob opens it;
//  4. Bob's signed access request passes the hospital's policy once; its
//     replay is refused.
import EhrProtocol
import EhrStore

#if canImport(Glibc)
import Glibc
#endif

enum Workflow {
    static let n = 3, t = 2
    static let now: UInt64 = 1_764_000_000_000

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The C ABI's name of a protocol error (the same names the C and Python examples print).
    static func statusName(_ error: Error) -> String {
        switch error as? ProtocolError {
        case .param?: return "EHR_ERR_PARAM"
        case .verify?: return "EHR_ERR_VERIFY"
        case .stale?: return "EHR_ERR_STALE"
        case .replay?: return "EHR_ERR_REPLAY"
        case .policy?: return "EHR_ERR_POLICY"
        case .state?: return "EHR_ERR_STATE"
        default: return "unexpected error: \(error)"
        }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw Failure(description: "cannot open \(path)") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = fread(&buf, 1, buf.count, f)
            if got == 0 { break }
            out += buf[0..<got]
        }
        if ferror(f) != 0 { throw Failure(description: "cannot read \(path)") }
        return out
    }

    /// Step 1: the DKG; this loop is the transport.
    static func runDKG() throws -> [DKGResult] {
        let keys = try (0..<n).map { _ in try DKGNodeKey.generate() }
        let roster = try (0..<n).map { k in
            DKGRosterEntry(name: try Identity("authority-\(k + 1)"), keys: keys[k].publicKey)
        }
        let session = try DKGSession(roster: roster, threshold: t, nonce: try SystemRandom.bytes(32))
        let authorities = try (1...n).map { k in
            try DKGAuthority(session: session, index: UInt16(k), key: keys[k - 1])
        }
        func exchange(_ act: (DKGAuthority) throws -> [DKGOutgoing]) throws {
            for a in authorities {
                for m in try act(a) {
                    switch m {
                    case let .broadcast(bytes):
                        for b in authorities where b.index != a.index { _ = try b.receive(bytes, from: a.index) }
                    case let .direct(to, bytes):
                        for b in authorities where b.index == to { _ = try b.receive(bytes, from: a.index) }
                    }
                }
            }
        }
        try exchange { try $0.start() }
        for _ in 0..<6 { try exchange { try $0.advance() } }
        let results = authorities.compactMap(\.result)
        guard results.count == n, authorities.allSatisfy({ $0.round == .done }) else {
            throw Failure(description: "the DKG did not finish")
        }
        guard results.allSatisfy({ $0.params == results[0].params }) else {
            throw Failure(description: "authorities disagree on PARAMS")
        }
        print("workflow: \(results[0].params.n) authorities agree on PARAMS (t = \(results[0].params.t))")
        return results
    }

    /// Step 2: partial keys from authorities 1 and 2, verified, combined.
    static func extract(_ name: String, _ results: [DKGResult], refuseOne: Bool) throws -> IdentityKeyPair {
        let id = try Identity(name)
        let params = results[0].params
        var partials: [PartialKey] = []
        for result in results.prefix(t) {
            let partial = try ThresholdKeys.issue(for: id, result: result)
            try ThresholdKeys.verify(partial, for: id, params: params)
            partials.append(partial)
        }
        if refuseOne {
            do {
                _ = try ThresholdKeys.combine(Array(partials.prefix(1)), for: id, params: params)
                throw Failure(description: "one partial key made a key")
            } catch let error as ProtocolError {
                print("workflow: 1 partial key for \(name) refused: \(statusName(error))")
            }
        }
        let keys = try ThresholdKeys.combine(partials, for: id, params: params)
        try ThresholdKeys.verify(keys, params: params)
        print("workflow: \(name) key combined from \(t) verified partial keys")
        return keys
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Runs the four steps on the record at `path`; true if every check held.
    static func run(recordPath path: String) throws -> Bool {
        let record = try readFile(path)
        let results = try runDKG()
        let hk = try extract("hospital:st-mary", results, refuseOne: true)
        let bk = try extract("doctor:bob", results, refuseOne: false)

        // Step 3.
        let context = try PREContext(masterPublicKey: results[0].params.masterPublicKey)
        let hospital = try PREIdentityKey(identity: hk.identity, key: hk.decryptionKey, context: context)
        let bob = try PREIdentityKey(identity: bk.identity, key: bk.decryptionKey, context: context)
        let bobSigning = try IdentitySigningKey(identity: bk.identity, key: bk.signingKey, context: context)
        let rid = Array("record-1".utf8)
        let sealed = try Envelope.seal(record, to: hk.identity, recordContext: rid, context: context)
        print("workflow: hospital:st-mary sealed a record of \(record.count) bytes with context record-1")
        let rk = try IBP1.rekey(from: hospital, to: bk.identity, context: context)
        let sealed2 = try Envelope.reencrypt(sealed, with: rk)
        let opened = try Envelope.open(sealed2, with: bob)
        print("workflow: SHA-256 of the record Bob decrypted: \(hex(SHA256.hash(opened)))")
        let same = opened == record
        print("workflow: Bob's record equals the hospital's: \(same ? "yes" : "NO")")
        let body1 = Array(sealed[try SealedHeader1.decode(sealed).bodyOffset...])
        let body2 = Array(sealed2[try SealedHeader2.decode(sealed2).bodyOffset...])
        let bodySame = body1 == body2
        print("workflow: sealed body unchanged by re-encryption: \(bodySame ? "yes" : "NO")")

        // Step 4.
        var policy = AccessPolicy(recordId: rid, owner: hk.identity)
        policy.grant(bk.identity)
        let gate = AccessGate(ownerKey: hospital, context: context,
                              replayGuard: ReplayGuard(windowMs: 300_000, capacity: 1024))
        let request = try AccessRequest(recordId: rid, requester: bk.identity)
            .sign(with: bobSigning, context: context, timestamp: now).encoded
        func verify(_ at: UInt64) -> String {
            do {
                _ = try gate.authorize(request, policy: policy, now: at)
                return "EHR_OK"
            } catch {
                return statusName(error)
            }
        }
        let first = verify(now + 1000)
        print("workflow: Bob's signed access request to record-1 -> \(first)")
        let second = verify(now + 2000)
        print("workflow: its replay -> \(second)")
        let ok = same && bodySame && first == "EHR_OK" && second == "EHR_ERR_REPLAY"
        print(ok ? "workflow complete" : "workflow FAILED")
        return ok
    }
}
