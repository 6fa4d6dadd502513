// SPDX-License-Identifier: Apache-2.0
import EhrWire
import XCTest

/// EhrWire's libcrypto wrapper against the RFCs' own known answers
/// (Tests/Vectors/wire_crypto_rfc.json: RFC 5869, RFC 7748, RFC 8032, the GCM specification, FIPS 180-4).
final class CryptoVectorTests: XCTestCase {
    private var doc: [String: Any] = [:]

    override func setUpWithError() throws {
        doc = try vectorFile("wire_crypto_rfc.json")
    }

    func testSHA256() throws {
        for v in try entries(doc, "sha256") {
            let message = try v.bytes("message")
            XCTAssertEqual(SHA256.hash(message), try v.bytes("digest"), "\(v["source"] ?? "")")
            // The parts form hashes the concatenation.
            let cut = message.count / 2
            XCTAssertEqual(SHA256.hash(parts: [Array(message[..<cut]), Array(message[cut...])]), try v.bytes("digest"))
        }
    }

    func testHKDF() throws {
        for v in try entries(doc, "hkdf_sha256") {
            let length = try XCTUnwrap(v["length"] as? Int)
            let okm = try HkdfSha256.derive(ikm: try v.bytes("ikm"), salt: try v.bytes("salt"),
                                            info: try v.bytes("info"), length: length)
            XCTAssertEqual(okm, try v.bytes("okm"), "\(v["source"] ?? "")")
        }
        XCTAssertThrowsError(try HkdfSha256.derive(ikm: [1], salt: [], info: [], length: 0)) {
            guard case .parameter = $0 as? CryptoError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try HkdfSha256.derive(ikm: [1], salt: [], info: [], length: 255 * 32 + 1))
    }

    func testX25519() throws {
        for v in try entries(doc, "x25519") {
            let a = try v.bytes("alice_private"), b = try v.bytes("bob_private")
            XCTAssertEqual(X25519.publicKey(privateKey: a), try v.bytes("alice_public"))
            XCTAssertEqual(X25519.publicKey(privateKey: b), try v.bytes("bob_public"))
            XCTAssertEqual(X25519.sharedSecret(privateKey: a, peerPublicKey: try v.bytes("bob_public")), try v.bytes("shared"))
            XCTAssertEqual(X25519.sharedSecret(privateKey: b, peerPublicKey: try v.bytes("alice_public")), try v.bytes("shared"))
            // A low-order peer key gives the all-zero secret, which RFC 7748 §6.1 says to refuse.
            XCTAssertNil(X25519.sharedSecret(privateKey: a, peerPublicKey: [UInt8](repeating: 0, count: 32)))
            XCTAssertNil(X25519.sharedSecret(privateKey: a, peerPublicKey: [1] + [UInt8](repeating: 0, count: 31)))
            XCTAssertNil(X25519.publicKey(privateKey: Array(a.prefix(31))))
        }
    }

    func testEd25519() throws {
        for v in try entries(doc, "ed25519") {
            let seed = try v.bytes("seed"), pub = try v.bytes("public")
            let message = try v.bytes("message"), sig = try v.bytes("signature")
            XCTAssertEqual(Ed25519.publicKey(seed: seed), pub, "\(v["source"] ?? "")")
            XCTAssertEqual(Ed25519.sign(seed: seed, message: message), sig, "\(v["source"] ?? "")")
            XCTAssertTrue(Ed25519.verify(publicKey: pub, message: message, signature: sig))
            XCTAssertTrue(Ed25519.isValidPublicKey(pub))
            XCTAssertFalse(Ed25519.verify(publicKey: pub, message: message + [0], signature: sig))
            var bad = sig
            bad[5] ^= 0x40
            XCTAssertFalse(Ed25519.verify(publicKey: pub, message: message, signature: bad))
            XCTAssertFalse(Ed25519.verify(publicKey: pub, message: message, signature: Array(sig.prefix(63))))
        }
    }

    /// Small-order and non-canonical keys cannot be registered: with such a key anyone can
    /// produce signatures that verify (issue #11).
    func testEd25519RefusesSmallOrderAndNonCanonicalKeys() throws {
        let section = try XCTUnwrap(doc["ed25519_refused_public_keys"] as? [String: Any])
        let keys = try XCTUnwrap(section["keys"] as? [String])
        XCTAssertGreaterThanOrEqual(keys.count, 8)
        for k in keys {
            XCTAssertFalse(Ed25519.isValidPublicKey(hex(k)), k)
            XCTAssertFalse(Ed25519KeyCheck.isCanonicalAndNotSmallOrder(hex(k)), k)
        }
        XCTAssertFalse(Ed25519.isValidPublicKey([UInt8](repeating: 7, count: 31)))
    }

    func testAESGCM() throws {
        for v in try entries(doc, "aes_256_gcm") {
            let key = try v.bytes("key"), nonce = try v.bytes("nonce"), ad = try v.bytes("ad")
            let sealed = try v.bytes("ciphertext") + v.bytes("tag")
            XCTAssertEqual(Aes256Gcm.seal(key: key, nonce: nonce, plaintext: try v.bytes("plaintext"), ad: ad), sealed,
                           "\(v["source"] ?? "")")
            XCTAssertEqual(Aes256Gcm.open(key: key, nonce: nonce, sealed: sealed, ad: ad), try v.bytes("plaintext"))
            var bad = sealed
            bad[bad.count - 1] ^= 1
            XCTAssertNil(Aes256Gcm.open(key: key, nonce: nonce, sealed: bad, ad: ad), "a flipped tag bit")
            XCTAssertNil(Aes256Gcm.open(key: key, nonce: nonce, sealed: sealed, ad: ad + [0]), "other associated data")
            XCTAssertNil(Aes256Gcm.open(key: key, nonce: nonce, sealed: Array(sealed.prefix(15)), ad: ad), "shorter than a tag")
        }
        XCTAssertNil(Aes256Gcm.seal(key: [1], nonce: [UInt8](repeating: 0, count: 12), plaintext: [], ad: []))
        XCTAssertNil(Aes256Gcm.seal(key: [UInt8](repeating: 0, count: 32), nonce: [0], plaintext: [], ad: []))
        XCTAssertThrowsError(try Aes256Gcm(key: [1, 2], encrypting: true))
    }

    func testRandomnessAndWiping() throws {
        let a = try SystemRandom.bytes(32), b = try SystemRandom.bytes(32)
        XCTAssertEqual(a.count, 32)
        XCTAssertNotEqual(a, b, "two 256-bit draws coincide with probability 2^-256")
        XCTAssertEqual(try SystemRandom.bytes(0), [])
        XCTAssertThrowsError(try SystemRandom.bytes(-1)) { XCTAssertEqual($0 as? CryptoError, .parameter("cannot draw -1 random bytes at once")) }
        var secret = a
        wipeSecret(&secret)
        XCTAssertEqual(secret, [UInt8](repeating: 0, count: 32))
        var raw = [UInt8](repeating: 0xAA, count: 64)
        XCTAssertTrue(raw.withUnsafeMutableBytes { SystemRandom.fill($0) })
        XCTAssertNotEqual(raw, [UInt8](repeating: 0xAA, count: 64))
    }
}
