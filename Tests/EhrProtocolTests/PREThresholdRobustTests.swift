// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
@testable import EhrProtocol
import XCTest

/// Robust combination: wrong fragments from faulty proxies are skipped, verified by the AEAD.
final class PREThresholdRobustTests: XCTestCase {
    func testWrongFragmentsAreSkippedAndTooManyWrongOnesFail() throws {
        let ta = try TestAuthority()
        let alice = try ta.decryptionKey("patient:alice")
        let bob = try ta.decryptionKey("doctor:bob")
        for size in [10, 70_000] {                         // one chunk, and several
            let p = [UInt8](repeating: 0x33, count: size)
            let sealed = try Envelope.seal(p, to: alice.identity, recordContext: [9], context: ta.context)
            let (h, off) = try SealedHeader1.decode(sealed)
            let body = Array(sealed[off...])
            let firstChunk = Array(body.prefix(ChunkedAead.sealedChunkBytes))
            let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
            let shares = try ThresholdReEncryption.split(rk, threshold: 2, proxies: 4)
            var fragments = try shares.map { try ThresholdReEncryption.fragment(h, with: $0) }
            func forge(_ f: ReEncryptionFragment) -> ReEncryptionFragment {
                ReEncryptionFragment(delegator: f.delegator, delegatee: f.delegatee, index: f.index, threshold: f.threshold,
                                     c1: f.c1, r1: f.r1, r2: f.r2, value: f.value * GT.generator)
            }
            fragments[0] = forge(fragments[0])           // proxy 1 lies
            assertThrows(.decrypt, "plain combine uses the lying proxy") {
                try Envelope.openBody(header: .level2(try ThresholdReEncryption.combine(h, fragments: fragments)),
                                      body: body, with: bob)
            }
            let h2 = try ThresholdReEncryption.combineVerified(h, fragments: fragments, firstChunk: firstChunk, key: bob)
            XCTAssertEqual(try Envelope.openBody(header: .level2(h2), body: body, with: bob), p)
            // Three liars out of four: no honest pair exists.
            fragments[1] = forge(fragments[1])
            fragments[2] = forge(fragments[2])
            assertThrows(.decrypt) {
                try ThresholdReEncryption.combineVerified(h, fragments: fragments, firstChunk: firstChunk, key: bob)
            }
            // The wrong delegatee never gets a header that verifies.
            let carol = try ta.decryptionKey("doctor:carol")
            assertThrows(.decrypt) {
                try ThresholdReEncryption.combineVerified(h, fragments: try shares.map { try ThresholdReEncryption.fragment(h, with: $0) },
                                                          firstChunk: firstChunk, key: carol)
            }
        }
    }
}
