// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Batch verification (random linear combination) answers exactly as one-by-one verification.
final class ChaCheonBatchTests: XCTestCase {
    var ta: TestAuthority!

    override func setUpWithError() throws {
        ta = try TestAuthority()
    }

    private func claims(_ n: Int) throws -> [ChaCheon.Claim] {
        try (0..<n).map { i in
            let key = try ta.signingKey("doctor:\(i % 3)")
            let message = Array("transaction \(i)".utf8)
            return ChaCheon.Claim(signature: try ChaCheon.sign(message, with: key), message: message, signer: key.identity)
        }
    }

    func testValidBatchesVerify() throws {
        XCTAssertTrue(try ChaCheon.verifyBatch([], context: ta.context))
        for n in [1, 2, 7] {
            let c = try claims(n)
            XCTAssertTrue(try ChaCheon.verifyBatch(c, context: ta.context), "n = \(n)")
            XCTAssertEqual(try ChaCheon.verifyEach(c, context: ta.context), [Bool](repeating: true, count: n))
        }
    }

    /// Each kind of bad signature fails the batch, and `verifyEach` names exactly the bad ones.
    func testBadSignaturesAreIsolated() throws {
        var c = try claims(9)
        let other = try ChaCheon.sign(Array("something else".utf8), with: try ta.signingKey("doctor:1"))
        // 2: signed another message; 5: another signer claimed; 8: U and V swapped.
        c[2] = ChaCheon.Claim(signature: other, message: c[2].message, signer: c[2].signer)
        c[5] = ChaCheon.Claim(signature: c[5].signature, message: c[5].message, signer: try Identity("nurse:eve"))
        c[8] = ChaCheon.Claim(signature: ChaCheonSignature(u: c[8].signature.v, v: c[8].signature.u), message: c[8].message,
                              signer: c[8].signer)
        XCTAssertFalse(try ChaCheon.verifyBatch(c, context: ta.context))
        let each = try ChaCheon.verifyEach(c, context: ta.context)
        let alone = c.map { claim in
            (try? ChaCheon.verify(claim.signature, message: claim.message, signer: claim.signer, context: ta.context)) != nil
        }
        XCTAssertEqual(each, alone)
        XCTAssertEqual(each.enumerated().filter { !$0.element }.map(\.offset), [2, 5, 8])
    }

    /// Two invalid signatures whose errors cancel in a plain sum (V₁ + d, V₂ − d) are still
    /// caught: the random coefficients make such a pair fail except with probability 2⁻¹²⁸.
    func testCancellingErrorsAreCaught() throws {
        var c = try claims(2)
        let d = G1Projective.generator.mul(Fr(12345))
        let v1 = (G1Projective(c[0].signature.v) + d).toAffine()
        let v2 = (G1Projective(c[1].signature.v) - d).toAffine()
        c[0] = ChaCheon.Claim(signature: ChaCheonSignature(u: c[0].signature.u, v: v1), message: c[0].message, signer: c[0].signer)
        c[1] = ChaCheon.Claim(signature: ChaCheonSignature(u: c[1].signature.u, v: v2), message: c[1].message, signer: c[1].signer)
        XCTAssertFalse(try ChaCheon.verifyBatch(c, context: ta.context))
        XCTAssertEqual(try ChaCheon.verifyEach(c, context: ta.context), [false, false])
    }

    func testIdentityPointsAreRefused() throws {
        var c = try claims(3)
        c[1] = ChaCheon.Claim(signature: ChaCheonSignature(u: .identity, v: c[1].signature.v), message: c[1].message,
                              signer: c[1].signer)
        XCTAssertEqual(try ChaCheon.verifyEach(c, context: ta.context), [true, false, true])
    }

    /// SIGNED envelopes decoded without the equation yield the same claim the verifying
    /// decoder checks.
    func testUnverifiedDecodeYieldsTheClaim() throws {
        let key = try ta.signingKey("patient:alice")
        let s = try SignedMessage.sign(purpose: .ledgerTransaction, payload: [1, 2, 3], key: key, context: ta.context,
                                       timestamp: 1_764_000_000_000)
        let u = try SignedMessage(unverified: s.encoded, context: ta.context)
        XCTAssertEqual(u, s)
        XCTAssertTrue(try ChaCheon.verifyBatch([u.claim], context: ta.context))
        var bad = s.encoded
        bad[bad.count - 97] ^= 1   // the payload's last byte: decodes, does not verify
        let ub = try SignedMessage(unverified: bad, context: ta.context)
        XCTAssertFalse(try ChaCheon.verifyBatch([ub.claim, u.claim], context: ta.context))
        XCTAssertThrowsError(try SignedMessage(encoded: bad, context: ta.context))
    }
}
