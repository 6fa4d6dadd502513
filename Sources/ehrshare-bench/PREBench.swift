// SPDX-License-Identifier: Apache-2.0
//
// IBP1, envelope and signature cases for ehrshare-bench (called from main.swift). The IBP1 cases are
// the operations of scripts/bench/ibpre_pymcl.py, the pymcl reference, under the names that
// scripts/bench/side_by_side.py pairs them by (`side_by_side.py pre`).

import EhrCurve
import EhrField
import EhrPairing
import EhrProtocol

func runPREBenchmarks() {
    guard "pre_".hasPrefix(filter) || filter.hasPrefix("pre_") else { return }
    do {
        let s = try Fr.randomNonZero()
        let ctx = try PREContext(masterPublicKey: G2Projective.generator.mul(s).toAffine())
        func key(_ name: String) throws -> PREIdentityKey {
            let id = try Identity(name)
            return try PREIdentityKey(identity: id, key: G1Projective(try IdentityHashes.h1Enc(id)).mul(s).toAffine(),
                                      context: ctx)
        }
        let alice = try key("patient:alice"), bob = try key("doctor:bob")
        let m = GT.generator.pow(try Fr.randomNonZero())
        let c = try IBP1.encrypt(m, to: alice.identity, context: ctx)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ctx)
        let c2 = try IBP1.reencrypt(c, with: rk)
        let sk = try IdentitySigningKey(identity: alice.identity,
                                        key: G1Projective(try IdentityHashes.h1Sig(alice.identity)).mul(s).toAffine(),
                                        context: ctx)
        let signed = try SignedMessage.sign(purpose: .accessRequest, payload: [1, 2, 3], key: sk, context: ctx,
                                            timestamp: 1).encoded
        // Failures cannot happen with these inputs; `try?` keeps the closures non-throwing and any
        // failure would show as a nil folded into the result.
        bench("pre_encrypt_cached", iterations: 200) { n in
            (0..<n).map { _ in try? IBP1.encrypt(m, to: alice.identity, context: ctx) }.count
        }
        bench("pre_encrypt_new_recipient", iterations: 100) { n in
            (0..<n).map { _ -> Ciphertext1? in
                ctx.recipientCache.removeAll()
                return try? IBP1.encrypt(m, to: alice.identity, context: ctx)
            }.count
        }
        bench("pre_rekey", iterations: 100) { n in
            (0..<n).map { _ in try? IBP1.rekey(from: alice, to: bob.identity, context: ctx) }.count
        }
        bench("pre_reencrypt", iterations: 200) { n in
            (0..<n).map { _ in try? IBP1.reencrypt(c, with: rk) }.count
        }
        bench("pre_decrypt_level1", iterations: 200) { n in
            (0..<n).map { _ in try? IBP1.decrypt(c, with: alice) }.count
        }
        bench("pre_decrypt_level2", iterations: 100) { n in
            (0..<n).map { _ in try? IBP1.decrypt(c2, with: bob) }.count
        }
        bench("pre_sign", iterations: 200) { n in
            (0..<n).map { _ in try? SignedMessage.sign(purpose: .accessRequest, payload: [1], key: sk, context: ctx,
                                                        timestamp: 1) }.count
        }
        bench("pre_verify", iterations: 100) { n in
            (0..<n).map { _ in try? SignedMessage(encoded: signed, context: ctx) }.count
        }
        // Batch verification (issue #14): 64 distinct signatures per operation, checked with one
        // multi-pairing and two MSMs; compare with 64 × pre_verify.
        let batch = try (0..<64).map { i -> ChaCheon.Claim in
            let msg = Array("ledger tx \(i)".utf8)
            return ChaCheon.Claim(signature: try ChaCheon.sign(msg, with: sk), message: msg, signer: sk.identity)
        }
        bench("pre_verify_batch_64", iterations: 20) { n in
            (0..<n).map { _ in (try? ChaCheon.verifyBatch(batch, context: ctx)) == true }.count
        }
        let record = [UInt8](repeating: 0x5a, count: 1 << 20)
        let sealed = try Envelope.seal(record, to: alice.identity, recordContext: [1], context: ctx)
        bench("pre_envelope_seal_1MiB", iterations: 100) { n in
            (0..<n).map { _ in try? Envelope.seal(record, to: alice.identity, recordContext: [1], context: ctx) }.count
        }
        bench("pre_envelope_open_1MiB", iterations: 100) { n in
            (0..<n).map { _ in try? Envelope.open(sealed, with: alice) }.count
        }
    } catch {
        print("{\"case\":\"pre_setup\",\"error\":\"\(error)\"}")
    }
}
