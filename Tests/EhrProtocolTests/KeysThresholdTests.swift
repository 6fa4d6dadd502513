// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Threshold identity-key extraction (PROTOCOL.md §5): any t verified partial keys give the
/// same (ske, sks) = s·(H1e(id), H1s(id)); t − 1 do not; a forged partial key is named.
final class KeysThresholdTests: XCTestCase {
    private func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16) ?? 0) }
        return out
    }

    /// PARAMS and shares of a Shamir sharing with polynomial `f` (a trusted dealer, for tests).
    private func dealt(_ f: [Fr], n: Int) throws -> (PublicParams, [Fr]) {
        let poly = DKGPolynomial(coefficients: f)
        let shares = (1...n).map { poly.evaluate(at: UInt16($0)) }
        let g = G2Projective.generator
        let params = try PublicParams(sid: [UInt8](repeating: 0, count: 32), t: f.count, n: n,
                                      masterPublicKey: g.mul(f[0]).toAffine(),
                                      publicShares: shares.map { g.mul($0).toAffine() })
        return (params, shares)
    }

    private func partials(_ id: Identity, _ params: PublicParams, _ shares: [Fr], _ idx: [UInt16]) throws -> [PartialKey] {
        try idx.map { try ThresholdKeys.issue(for: id, share: shares[Int($0) - 1], index: $0, params: params) }
    }

    /// Values from py_ecc (an independent implementation): s = SHA-256("EHRSHARE keys test
    /// vector s") mod r, f(z) = s + 5z + 7z², id = "patient:alice"; Ke_i = f(i)·H1e(id),
    /// ske = s·H1e(id), sks = s·H1s(id), y = s·g2 (compressed encodings).
    /// PARAMS whose Y_j are not on one degree-(t − 1) polynomial through y are refused, both
    /// by the decoder and the constructor (a replaced Y_n used to be accepted).
    func testParamsWithAReplacedPublicShareAreRefused() throws {
        let (params, _) = try dealt([Fr(11), Fr(5), Fr(3)], n: 5)
        XCTAssertEqual(try PublicParams(decoding: params.encoded), params)
        let g = G2Projective.generator
        let other = g.mul(Fr(7)).toAffine()
        var bytes = params.encoded
        bytes.replaceSubrange((bytes.count - 96)..<bytes.count, with: other.compressed)
        XCTAssertThrowsError(try PublicParams(decoding: bytes)) {
            guard case .param? = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        var shares = params.publicShares
        shares[4] = other
        XCTAssertThrowsError(try PublicParams(sid: params.sid, t: 3, n: 5, masterPublicKey: params.masterPublicKey,
                                              publicShares: shares))
        // A replaced y, or a Y_i among the first t, is refused too.
        XCTAssertThrowsError(try PublicParams(sid: params.sid, t: 3, n: 5, masterPublicKey: other,
                                              publicShares: params.publicShares))
        shares = params.publicShares
        shares[0] = other
        XCTAssertThrowsError(try PublicParams(sid: params.sid, t: 3, n: 5, masterPublicKey: params.masterPublicKey,
                                              publicShares: shares))
        // t = n: only y is constrained.
        let (full, _) = try dealt([Fr(2), Fr(9)], n: 2)
        XCTAssertEqual(try PublicParams(decoding: full.encoded), full)
    }

    func testKnownAnswersFromPyEcc() throws {
        let s = try Fr(bigEndianBytes: hex("10150285c2517596c54789dc8f00ba6b3d6fcd79083212f506a2fa5aabc2609a"))
        let (params, shares) = try dealt([s, Fr(5), Fr(7)], n: 5)
        XCTAssertEqual(params.masterPublicKey.compressed, hex("b86c1d1408f3e66e650c84fba677303406c81c2002d1963379113b52199fa47d5b330bfe29cae69156fe44f1eff25863021fb0fa119ea9d7f127632326637f937b70779d16cb9cfdd2d8d37aab9daa6e558e2a5cabce71c707a5813702a180fe"))
        let id = try Identity("patient:alice")
        let (qe, qs) = try ThresholdKeys.identityPoints(id)
        XCTAssertEqual(qe.compressed, hex("a3af2713be9c362c28604e9aaceed7c9030e35f33bfdd5e8292e98afd1124ae76e0756f6b654f4cc5a4f54e9eddce04d"))
        XCTAssertEqual(qs.compressed, hex("a9452e36711ab3a33b1cee387102b9c18d6a41f5e78c0433d226f043622fea4714859a60c6413a8012ccf907f0eb4ebd"))
        let p = try partials(id, params, shares, [1, 2, 3])
        XCTAssertEqual(p.map { $0.decryptionShare.compressed }, [
            hex("b6bf8e9805f8ad50b2126301b75b2d967fc148f58d8259354602c25785061bda832b33e19f7beb5b8ee7ef63aff99bb7"),
            hex("aa8947eaaf23b62a716e37eae90c50f000e0c43fac3ccfaabc5da2848c9a830787bf796794a9609ef289d7c1e32cdd96"),
            hex("a38c7be8c1ebb570f691af76d15ac69e5c1492f6048ee151dd1fe60f7f94a9775fc14893cfd053647f735dda1c3f287d"),
        ])
        let keys = try ThresholdKeys.combine(p, for: id, params: params)
        XCTAssertEqual(keys.decryptionKey.compressed, hex("accead81f2acb1fe36e6503d79c7a11371f5d4673d985d15b867bd41830b158182757f79f0546241c854a3d6b7446038"))
        XCTAssertEqual(keys.signingKey.compressed, hex("92ef14c4aa6b1398a02a95b9e1061aebe177b4d116128309af996673f72bb2e17978517614cf58a8dcb9aa0d4282e37c"))
    }

    func testAnyTOfNGiveTheSameKeys() throws {
        let f = try (0..<3).map { _ in try Fr.random() }
        let (params, shares) = try dealt(f, n: 5)
        let id = try Identity("doctor:bob@hospital-A")
        let (qe, qs) = try ThresholdKeys.identityPoints(id)
        let expected = IdentityKeyPair(identity: id, decryptionKey: G1Projective(qe).mul(f[0]).toAffine(),
                                       signingKey: G1Projective(qs).mul(f[0]).toAffine())
        for set in [[1, 2, 3], [3, 4, 5], [5, 1, 3], [2, 4, 5, 1], [1, 2, 3, 4, 5]] as [[UInt16]] {
            let keys = try ThresholdKeys.combine(try partials(id, params, shares, set), for: id, params: params)
            XCTAssertEqual(keys, expected, "subset \(set)")
        }
        XCTAssertNoThrow(try ThresholdKeys.verify(expected, params: params))
        XCTAssertNotEqual(expected.decryptionKey, expected.signingKey, "separate decryption and signing keys")
    }

    func testTMinusOneSharesDoNotGiveTheKey() throws {
        let f = try (0..<3).map { _ in try Fr.random() }
        let (params, shares) = try dealt(f, n: 5)
        let id = try Identity("patient:carol")
        let two = try partials(id, params, shares, [2, 4])
        XCTAssertThrowsError(try ThresholdKeys.combine(two, for: id, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .param("combining needs t = 3 partial keys, got 2"))
        }
        // Interpolating the t − 1 shares anyway yields a wrong key, which the final check rejects.
        let l = try XCTUnwrap(DKGPolynomial.lagrangeAtZero([2, 4]))
        let ske = G1Projective.msm(points: two.map(\.decryptionShare), scalars: l).toAffine()
        let sks = G1Projective.msm(points: two.map(\.signingShare), scalars: l).toAffine()
        let wrong = IdentityKeyPair(identity: id, decryptionKey: ske, signingKey: sks)
        XCTAssertThrowsError(try ThresholdKeys.verify(wrong, params: params)) { e in
            guard case .verify? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        // Duplicates do not make up the count.
        let dup = two + [two[0]]
        XCTAssertThrowsError(try ThresholdKeys.combine(dup, for: id, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .param("two partial keys from authority 2"))
        }
    }

    func testForgedPartialKeyIsDetectedAndNamed() throws {
        let f = try (0..<3).map { _ in try Fr.random() }
        let (params, shares) = try dealt(f, n: 5)
        let id = try Identity("patient:alice")
        var p = try partials(id, params, shares, [1, 4, 5])
        let (qe, qs) = try ThresholdKeys.identityPoints(id)
        let honest4 = p[1]
        // Authority 4 answers with (x_4 + 1)·Qe.
        p[1] = PartialKey(fingerprint: honest4.fingerprint, index: 4, identity: id,
                          decryptionShare: G1Projective(qe).mul(shares[3] + .one).toAffine(),
                          signingShare: honest4.signingShare)
        XCTAssertThrowsError(try ThresholdKeys.combine(p, for: id, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .verify("partial key from authority 4 does not verify against Y_4"))
        }
        // Only the signing half wrong.
        p[1] = PartialKey(fingerprint: honest4.fingerprint, index: 4, identity: id,
                          decryptionShare: honest4.decryptionShare,
                          signingShare: G1Projective(qs).mul(shares[2]).toAffine())
        XCTAssertThrowsError(try ThresholdKeys.verify(p[1], for: id, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .verify("partial key from authority 4 does not verify against Y_4"))
        }
        // Authority 5's honest share relabelled as authority 4's.
        let relabelled = PartialKey(fingerprint: p[2].fingerprint, index: 4, identity: id,
                                    decryptionShare: p[2].decryptionShare, signingShare: p[2].signingShare)
        XCTAssertThrowsError(try ThresholdKeys.verify(relabelled, for: id, params: params))
        // Another identity's partial key.
        let bob = try ThresholdKeys.issue(for: try Identity("patient:bob"), share: shares[3], index: 4, params: params)
        XCTAssertThrowsError(try ThresholdKeys.combine([p[0], bob, p[2]], for: id, params: params)) { e in
            XCTAssertEqual(e as? ProtocolError, .param("partial key from authority 4 is for another identity"))
        }
        XCTAssertNoThrow(try ThresholdKeys.verify(honest4, for: id, params: params))
    }

    func testPartialKeyWireFormat() throws {
        let f = try (0..<2).map { _ in try Fr.random() }
        let (params, shares) = try dealt(f, n: 3)
        let id = try Identity("patient:alice")
        let p = try ThresholdKeys.issue(for: id, share: shares[1], index: 2, params: params)
        let bytes = p.encoded
        XCTAssertEqual(bytes.count, 138 + id.bytes.count, "PARTIAL_KEY is 138 bytes + id")
        XCTAssertEqual(try PartialKey(decoding: bytes, params: params), p)
        let (other, _) = try dealt(f.reversed(), n: 3)
        XCTAssertThrowsError(try PartialKey(decoding: bytes, params: other)) { e in
            XCTAssertEqual(e as? ProtocolError, .param("partial key is for another master public key"))
        }
        XCTAssertThrowsError(try PartialKey(decoding: Array(bytes.dropLast()), params: params)) { e in
            guard case .length? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try PartialKey(decoding: bytes + [0], params: params))
        var b = bytes
        b[38] = 0x00; b[39] = 0x09  // index 9 > n
        XCTAssertThrowsError(try PartialKey(decoding: b, params: params)) { e in
            guard case .param? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        b = bytes
        b[b.count - 48] = 0xC0
        for k in (b.count - 47)..<b.count { b[k] = 0 }
        XCTAssertThrowsError(try PartialKey(decoding: b, params: params)) { XCTAssertEqual($0 as? CurveError, .identity) }
        XCTAssertThrowsError(try ThresholdKeys.issue(for: id, share: shares[0], index: 4, params: params))
    }

    /// End to end: a real DKG, then extraction from its results.
    func testExtractionAfterADKG() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        let results = try net.run()
        XCTAssertEqual(results.count, 3)
        let id = try Identity("patient:alice|2026")
        let params = try XCTUnwrap(results[1]?.params)
        let p = try (1...3).map { try ThresholdKeys.issue(for: id, result: try XCTUnwrap(results[UInt16($0)])) }
        let a = try ThresholdKeys.combine([p[0], p[2]], for: id, params: params)
        let b = try ThresholdKeys.combine([p[1], p[2]], for: id, params: params)
        XCTAssertEqual(a, b)
        XCTAssertNoThrow(try ThresholdKeys.verify(a, params: params))
    }
}
