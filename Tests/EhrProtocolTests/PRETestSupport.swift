// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
@testable import EhrProtocol
import XCTest

/// A test-only key authority: one master secret `s`, `y = s·g2`, and identity
/// keys `ske = s·H1e(id)`, `sks = s·H1s(id)` made directly (the DKG and
/// threshold extraction live elsewhere; their keys are the same points).
struct TestAuthority {
    let s: Fr
    let context: PREContext

    init(cache: RecipientCache = RecipientCache()) throws {
        s = try Fr.randomNonZero()
        context = try PREContext(masterPublicKey: G2Projective.generator.mul(s).toAffine(), cache: cache)
    }

    func decryptionKey(_ name: String) throws -> PREIdentityKey {
        let id = try Identity(name)
        return try PREIdentityKey(identity: id, key: G1Projective(try IdentityHashes.h1Enc(id)).mul(s).toAffine(),
                                  context: context)
    }

    func signingKey(_ name: String) throws -> IdentitySigningKey {
        let id = try Identity(name)
        return try IdentitySigningKey(identity: id, key: G1Projective(try IdentityHashes.h1Sig(id)).mul(s).toAffine(),
                                      context: context)
    }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(_ expected: ProtocolError, _ why: String = "", file: StaticString = #filePath, line: UInt = #line,
                     _ body: () throws -> T) {
    XCTAssertThrowsError(try body(), why, file: file, line: line) {
        XCTAssertEqual($0 as? ProtocolError, expected, "\(why): \($0)", file: file, line: line)
    }
}

/// Asserts that `body` throws some error (for decoder rejections whose exact
/// layer-specific type is checked elsewhere) and returns nothing.
func assertRejects<T>(_ why: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) {
    XCTAssertThrowsError(try body(), why, file: file, line: line)
}

extension Array where Element == UInt8 {
    /// A copy with bit `bit` of byte `index` flipped.
    func flipping(_ index: Int, bit: Int = 0) -> [UInt8] {
        var c = self
        c[index] ^= UInt8(1 << bit)
        return c
    }
}

func randomGT() throws -> GT { GT.generator.pow(try Fr.randomNonZero()) }
