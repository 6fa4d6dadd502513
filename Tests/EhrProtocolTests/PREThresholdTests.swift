// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
@testable import EhrProtocol
import XCTest

/// Threshold proxies (PROTOCOL.md §6.1): t'-of-n' shares of a re-encryption key.
final class PREThresholdTests: XCTestCase {
    var ta: TestAuthority!
    var alice: PREIdentityKey!
    var bob: PREIdentityKey!

    override func setUpWithError() throws {
        ta = try TestAuthority()
        alice = try ta.decryptionKey("patient:alice")
        bob = try ta.decryptionKey("doctor:bob")
    }

    func testAnyThresholdSubsetDecryptsAndFewerDoNot() throws {
        let m = try randomGT()
        let c = try IBP1.encrypt(m, to: alice.identity, context: ta.context)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        let shares = try ThresholdReEncryption.split(rk, threshold: 3, proxies: 5)
        XCTAssertEqual(shares.map(\.index), [1, 2, 3, 4, 5])
        XCTAssertEqual(Set(shares.map(\.point)).count, 5)
        XCTAssertFalse(shares.contains { $0.point == rk.r3 }, "no proxy holds R3")
        // Through the wire, as proxies would receive them.
        let received = try shares.map { try ReEncryptionKeyShare(encoded: $0.encoded) }
        XCTAssertEqual(received, shares)
        let fragments = try received.map { try ReEncryptionFragment(encoded: try ThresholdReEncryption.fragment(c, with: $0).encoded) }

        for subset in [[0, 1, 2], [0, 2, 4], [1, 3, 4], [2, 3, 4], [4, 0, 3]] {
            let ct2 = try ThresholdReEncryption.combine(c, fragments: subset.map { fragments[$0] })
            XCTAssertEqual(ct2, try IBP1.reencrypt(c, with: rk), "t' fragments give exactly ReEnc's output")
            XCTAssertEqual(try IBP1.decrypt(ct2, with: bob), m, "subset \(subset)")
        }
        XCTAssertEqual(try IBP1.decrypt(try ThresholdReEncryption.combine(c, fragments: fragments), with: bob), m,
                       "all n' fragments")

        // Fewer than t': refused by the API, and interpolating them anyway gives garbage.
        XCTAssertThrowsError(try ThresholdReEncryption.combine(c, fragments: [fragments[0], fragments[3]])) {
            XCTAssertEqual($0 as? ProtocolError, .param("2 fragments, 3 needed"))
        }
        for pair in [[0, 1], [1, 4], [2, 3]] {
            let factor = ThresholdReEncryption.interpolate(pair.map { fragments[$0] })
            let forced = Ciphertext2(delegator: alice.identity, delegatee: bob.identity, c1: c.c1, c2: c.c2 * factor,
                                     r1: rk.r1, r2: rk.r2)
            XCTAssertNotEqual(try IBP1.decrypt(forced, with: bob), m, "two of three fragments \(pair)")
        }
        // A colluding delegatee with t'−1 shares does not learn R3 (and hence not ske_i).
        let two = [shares[0], shares[1]]
        var guess = G1Projective.identity
        for s in two {
            let other = s.index == two[0].index ? two[1].index : two[0].index
            let lambda = Fr(UInt64(other)) * (Fr(UInt64(other)) - Fr(UInt64(s.index))).inverse()
            guess = guess + G1Projective(s.point).mulVartime(lambda)
        }
        XCTAssertNotEqual(guess.toAffine(), rk.r3)
    }

    func testMisuseIsRefused() throws {
        let c = try IBP1.encrypt(try randomGT(), to: alice.identity, context: ta.context)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        for (t, n) in [(0, 3), (4, 3), (1, 0), (2, 1025)] {
            XCTAssertThrowsError(try ThresholdReEncryption.split(rk, threshold: t, proxies: n), "\(t) of \(n)") {
                guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
            }
        }
        let shares = try ThresholdReEncryption.split(rk, threshold: 2, proxies: 3)
        let f = try shares.map { try ThresholdReEncryption.fragment(c, with: $0) }
        assertThrows(.param("duplicate fragment index")) { try ThresholdReEncryption.combine(c, fragments: [f[0], f[0]]) }
        assertThrows(.param("no re-encryption fragments")) { try ThresholdReEncryption.combine(c, fragments: []) }
        // Fragments of another capsule cannot be mixed in.
        let other = try IBP1.encrypt(try randomGT(), to: alice.identity, context: ta.context)
        let g = try ThresholdReEncryption.fragment(other, with: shares[1])
        assertThrows(.param("fragments belong to different capsules or keys")) {
            try ThresholdReEncryption.combine(c, fragments: [f[0], g])
        }
        // A share of alice's key does not convert bob's ciphertexts.
        let bobs = try IBP1.encrypt(try randomGT(), to: bob.identity, context: ta.context)
        XCTAssertThrowsError(try ThresholdReEncryption.fragment(bobs, with: shares[0])) {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        // 1-of-1 is plain re-encryption.
        let one = try ThresholdReEncryption.split(rk, threshold: 1, proxies: 1)
        XCTAssertEqual(one[0].point, rk.r3)
    }

    /// FRAGMENT carries no n': a fragment whose index is above n' decodes, and combine
    /// refuses it when the caller gives n' (it comes from no real proxy).
    func testFragmentIndexAboveProxiesIsRefusedAtCombine() throws {
        let c = try IBP1.encrypt(try randomGT(), to: alice.identity, context: ta.context)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        let shares = try ThresholdReEncryption.split(rk, threshold: 2, proxies: 3)
        let f = try shares.map { try ThresholdReEncryption.fragment(c, with: $0) }
        let high = ReEncryptionFragment(delegator: f[2].delegator, delegatee: f[2].delegatee, index: 9,
                                        threshold: f[2].threshold, c1: f[2].c1, r1: f[2].r1, r2: f[2].r2, value: f[2].value)
        let decoded = try ReEncryptionFragment(encoded: high.encoded)
        XCTAssertEqual(decoded.index, 9)
        assertThrows(.param("fragment index 9 outside 1…3")) {
            try ThresholdReEncryption.combine(c, fragments: [f[0], decoded], proxies: 3)
        }
        // t' > n' is refused too; genuine indices with the right n' combine.
        assertThrows(.param("threshold 2 of 1 proxies is not valid (need 1 ≤ t' ≤ n' ≤ 1024)")) {
            try ThresholdReEncryption.combine(c, fragments: [f[0], f[1]], proxies: 1)
        }
        XCTAssertEqual(try ThresholdReEncryption.combine(c, fragments: [f[0], f[2]], proxies: 3),
                       try ThresholdReEncryption.combine(c, fragments: [f[0], f[2]]))
    }

    func testThresholdEnvelopeAndTamperedFragments() throws {
        let p = Array(repeating: UInt8(0x5a), count: 70_000)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: [1, 2, 3], context: ta.context)
        let (h, off) = try SealedHeader1.decode(sealed)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        let shares = try ThresholdReEncryption.split(rk, threshold: 2, proxies: 4)
        let fragments = try shares.map { try ThresholdReEncryption.fragment(h, with: $0) }
        let h2 = try ThresholdReEncryption.combine(h, fragments: [fragments[3], fragments[1]])
        XCTAssertEqual(try Envelope.open(h2.encoded + sealed[off...], with: bob), p)

        // A proxy returning a wrong (but well-formed) fragment: the delegatee gets a decrypt error.
        let bad = fragments[1]
        let forged = ReEncryptionFragment(delegator: bad.delegator, delegatee: bad.delegatee, index: bad.index,
                                          threshold: bad.threshold, c1: bad.c1, r1: bad.r1, r2: bad.r2,
                                          value: bad.value * GT.generator)
        let hb = try ThresholdReEncryption.combine(h, fragments: [fragments[0], forged])
        assertThrows(.decrypt) { try Envelope.open(hb.encoded + sealed[off...], with: bob) }

        // Fragments and shares: every field flipped is a decoder error or a failed open.
        let fb = fragments[0].encoded
        for off2 in [0, 5, 6, 8, 21, 23, 33, 35, 37, 37 + 50, 37 + 96 + 50, 37 + 192 + 300, fb.count - 300, fb.count - 1] {
            if let f = try? ReEncryptionFragment(encoded: fb.flipping(off2, bit: 2)),
               let h3 = try? ThresholdReEncryption.combine(h, fragments: [f, fragments[2]]) {
                XCTAssertThrowsError(try Envelope.open(h3.encoded + sealed[off...], with: bob), "fragment byte \(off2)")
            }
        }
        // A φ outside GT is rejected by the decoder (a random Fp12 element is not in the order-r subgroup).
        var notInGT = fb
        notInGT.replaceSubrange((fb.count - 576)..<fb.count, with: [UInt8](repeating: 0, count: 575) + [3])
        XCTAssertThrowsError(try ReEncryptionFragment(encoded: notInGT)) {
            XCTAssertEqual($0 as? PairingError, .notInSubgroup)
        }
        let sb = shares[0].encoded
        XCTAssertEqual(try ReEncryptionKeyShare(encoded: sb), shares[0])
        for cut in [0, 5, 20, sb.count - 1] {
            XCTAssertThrowsError(try ReEncryptionKeyShare(encoded: Array(sb.prefix(cut))))
        }
        var badIndex = sb
        badIndex[6 + 2 + 13 + 2 + 10 + 1] = 9      // index 9 of 4 proxies
        XCTAssertThrowsError(try ReEncryptionKeyShare(encoded: badIndex)) {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try ReEncryptionKeyShare(encoded: fb)) {
            XCTAssertEqual($0 as? ProtocolError, .type(expected: 0x25, actual: 0x26))
        }
    }
}
