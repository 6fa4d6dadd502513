// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Optional blinded issuance (PROTOCOL.md §5): same keys as plain issuance, the DLEQ proof
/// stops blinding someone else's H1(id), wrong answers are named.
final class KeysBlindIssuanceTests: XCTestCase {
    private func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16) ?? 0) }
        return out
    }

    private func dealt(t: Int, n: Int) throws -> (PublicParams, [Fr]) {
        let poly = try DKGPolynomial.random(degree: t - 1)
        let shares = (1...n).map { poly.evaluate(at: UInt16($0)) }
        let g = G2Projective.generator
        let params = try PublicParams(sid: [UInt8](repeating: 0, count: 32), t: t, n: n,
                                      masterPublicKey: g.mul(poly.coefficients[0]).toAffine(),
                                      publicShares: shares.map { g.mul($0).toAffine() })
        return (params, shares)
    }

    /// The challenge hash against py_ecc's expand_message_xmd: fp = 0x11 × 32, id = "patient:bob",
    /// (B_e, B_s, T_e, T_s) = (2, 3, 4, 5)·g1.
    func testChallengeKnownAnswer() throws {
        let p = (2...5).map { G1Projective.generator.mul(Fr(UInt64($0))).toAffine() }
        let c = try BlindIssuance.challenge(fp: [UInt8](repeating: 0x11, count: 32), id: try Identity("patient:bob"),
                                            be: p[0], bs: p[1], te: p[2], ts: p[3])
        XCTAssertEqual(c.bigEndianBytes, hex("72540080b7cc68c0d12366bdb47f256718d46ed15cc58a8cba72da52fd0b9b61"))
    }

    func testBlindedIssuanceGivesTheSameKeys() throws {
        let (params, shares) = try dealt(t: 2, n: 3)
        let bob = try Identity("doctor:bob@hospital-A")
        let blinding = try BlindIssuance.request(for: bob, params: params)
        let wire = blinding.request.encoded
        XCTAssertEqual(wire.count, 200 + bob.bytes.count, "BLIND_REQUEST is 200 bytes + id")
        let received = try BlindRequest(decoding: wire, params: params)
        XCTAssertEqual(received, blinding.request)
        var partials: [PartialKey] = []
        for i in [1, 3] as [UInt16] {
            let answer = try BlindIssuance.answer(received, authenticated: bob, share: shares[Int(i) - 1],
                                                  index: i, params: params)
            XCTAssertEqual(answer.encoded.count, 138 + bob.bytes.count, "BLIND_PARTIAL is 138 bytes + id")
            let decoded = try BlindPartialKey(decoding: answer.encoded, params: params)
            XCTAssertEqual(decoded, answer)
            partials.append(try BlindIssuance.unblind(decoded, with: blinding, params: params))
        }
        let plain = try ThresholdKeys.combine(
            try [1, 2].map { try ThresholdKeys.issue(for: bob, share: shares[$0 - 1], index: UInt16($0), params: params) },
            for: bob, params: params)
        XCTAssertEqual(try ThresholdKeys.combine(partials, for: bob, params: params), plain)
        XCTAssertEqual(partials[0], try ThresholdKeys.issue(for: bob, share: shares[0], index: 1, params: params),
                       "unblinding gives exactly the plain partial key")
    }

    func testProofStopsBlindingAnotherIdentity() throws {
        let (params, shares) = try dealt(t: 2, n: 3)
        let bob = try Identity("patient:bob")
        let alice = try Identity("patient:alice")
        let r = try BlindIssuance.request(for: bob, params: params).request
        // Bob's proof with H1e(alice) swapped in (the reference's attack).
        let (qeAlice, _) = try ThresholdKeys.identityPoints(alice)
        let forged = BlindRequest(fingerprint: r.fingerprint, identity: bob, blindedDecryption: qeAlice,
                                  blindedSigning: r.blindedSigning, c: r.c, z: r.z)
        XCTAssertThrowsError(try BlindIssuance.answer(forged, authenticated: bob, share: shares[0], index: 1, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .verify("blinding proof of patient:bob does not verify"))
        }
        // A request for bob from someone authenticated as alice.
        XCTAssertThrowsError(try BlindIssuance.answer(r, authenticated: alice, share: shares[0], index: 1, params: params)) { e in
            guard case .param? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        // Bob's own request relabelled as alice's: the proof binds the identity.
        let relabelled = BlindRequest(fingerprint: r.fingerprint, identity: alice, blindedDecryption: r.blindedDecryption,
                                      blindedSigning: r.blindedSigning, c: r.c, z: r.z)
        XCTAssertThrowsError(try BlindIssuance.answer(relabelled, authenticated: alice, share: shares[0], index: 1, params: params)) { e in
            guard case .verify? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
    }

    func testWrongBlindedAnswerIsNamed() throws {
        let (params, shares) = try dealt(t: 2, n: 3)
        let bob = try Identity("patient:bob")
        let blinding = try BlindIssuance.request(for: bob, params: params)
        // Authority 2 answers with x_1 instead of x_2.
        let wrong = try BlindIssuance.answer(blinding.request, authenticated: bob, share: shares[0], index: 1, params: params)
        let as2 = BlindPartialKey(fingerprint: wrong.fingerprint, index: 2, identity: bob,
                                  blindedDecryptionShare: wrong.blindedDecryptionShare,
                                  blindedSigningShare: wrong.blindedSigningShare)
        XCTAssertThrowsError(try BlindIssuance.unblind(as2, with: blinding, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .verify("blind partial key from authority 2 does not verify against Y_2"))
        }
        var bytes = blinding.request.encoded
        bytes[bytes.count - 1] = 0xFF
        bytes[bytes.count - 32] = 0xFF  // z ≥ r
        XCTAssertThrowsError(try BlindRequest(decoding: bytes, params: params)) { XCTAssertEqual($0 as? FieldError, .notCanonical) }
    }
}
