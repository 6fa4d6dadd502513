// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrLedger
import EhrNode
import EhrProtocol
import XCTest

/// The node's identity-signature verifier: `verifyAll` (batch, parallel) answers exactly as
/// `verify` does one by one, and remembers only what verified.
final class BatchVerifierTests: XCTestCase {
    private func setUp(_ n: Int) throws -> (PREContext, [IdentitySignatureClaim]) {
        let s = try Fr.randomNonZero()
        let context = try PREContext(masterPublicKey: G2Projective.generator.mul(s).toAffine())
        var claims: [IdentitySignatureClaim] = []
        for i in 0..<n {
            let id = try Identity("hospital-\(i % 4):clerk")
            let key = try IdentitySigningKey(identity: id, key: G1Projective(try IdentityHashes.h1Sig(id)).mul(s).toAffine(),
                                             context: context)
            let message = Array("EHRS tx \(i)".utf8)
            let signed = try SignedMessage.sign(purpose: .ledgerTransaction, payload: message, key: key, context: context,
                                                timestamp: 1_764_000_000_000)
            claims.append(IdentitySignatureClaim(identity: id.bytes, message: message, signature: signed.encoded))
        }
        return (context, claims)
    }

    func testVerifyAllEqualsVerifyOneByOne() throws {
        var (context, claims) = try setUp(12)
        // 3: a flipped signature byte; 6: another identity claimed; 9: another message; 10: junk.
        var flipped = claims[3].signature
        flipped[flipped.count - 1] ^= 1
        claims[3] = IdentitySignatureClaim(identity: claims[3].identity, message: claims[3].message, signature: flipped)
        claims[6] = IdentitySignatureClaim(identity: Array("intruder".utf8), message: claims[6].message, signature: claims[6].signature)
        claims[9] = IdentitySignatureClaim(identity: claims[9].identity, message: [0], signature: claims[9].signature)
        claims[10] = IdentitySignatureClaim(identity: claims[10].identity, message: claims[10].message, signature: [1, 2, 3])
        let expected = claims.map {
            LedgerSignatureVerifier(context: context, parallelism: 1).verify(identity: $0.identity, message: $0.message,
                                                                              signature: $0.signature)
        }
        XCTAssertEqual(expected.enumerated().filter { !$0.element }.map(\.offset), [3, 6, 9, 10])
        for parallelism in [1, 2, 3] {
            let v = LedgerSignatureVerifier(context: context, parallelism: parallelism)
            XCTAssertEqual(v.verifyAll(claims), expected, "parallelism \(parallelism)")
            XCTAssertEqual(v.cache.count, 8, "only the valid ones are remembered")
            // The rules' later per-transaction checks agree (now from the cache).
            for (c, e) in zip(claims, expected) {
                XCTAssertEqual(v.verify(identity: c.identity, message: c.message, signature: c.signature), e)
            }
        }
        XCTAssertEqual(LedgerSignatureVerifier(context: nil).verifyAll(claims), [Bool](repeating: false, count: 12))
    }
}
