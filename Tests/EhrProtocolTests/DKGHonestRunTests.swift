// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Honest runs of the whole DKG (PROTOCOL.md §4): every authority ends with the same QUAL
/// (everyone), y and Y_1..Y_n; x_j·g2 = Y_j; any t shares give log y.
final class DKGHonestRunTests: XCTestCase {
    private func honest(t: Int, n: Int) throws {
        let net = try DKGTestNetwork(t: t, n: n)
        let results = try net.run()
        XCTAssertEqual(results.count, n, "every authority finished")
        XCTAssertTrue(net.rejections.isEmpty, "no rejections: \(net.rejections.map { "\($0.error)" })")
        for a in net.authorities {
            XCTAssertEqual(a.round, .done)
            XCTAssertTrue(a.faults.isEmpty, "faults at \(a.index): \(a.faults)")
            XCTAssertTrue(a.filedComplaints.isEmpty)
        }
        DKGAssert.agreement(results, qual: Array(1...UInt16(n)), t: t)
        if let r = results[1] {
            XCTAssertEqual(r.params.encoded.count, 138 + 96 * n, "PARAMS is 138 + 96n bytes")
            XCTAssertEqual(try PublicParams(decoding: r.params.encoded), r.params)
            XCTAssertTrue(r.reconstructed.isEmpty)
        }
    }

    func testOneOfOne() throws { try honest(t: 1, n: 1) }
    func testTwoOfThree() throws { try honest(t: 2, n: 3) }
    func testThreeOfFive() throws { try honest(t: 3, n: 5) }
    func testFiveOfFive() throws { try honest(t: 5, n: 5) }
    func testSevenOfTen() throws { try honest(t: 7, n: 10) }

    /// Duplicated and shuffled delivery changes nothing; duplicates are reported as such.
    func testReplayedAndReorderedDelivery() throws {
        let net = try DKGTestNetwork(t: 2, n: 4)
        net.duplicateDelivery = true
        net.shuffleSeed = 0x5eed
        let results = try net.run()
        XCTAssertEqual(results.count, 4)
        XCTAssertTrue(net.rejections.isEmpty, "\(net.rejections.map { "\($0.error)" })")
        DKGAssert.agreement(results, qual: [1, 2, 3, 4], t: 2)
        // After the end, even a replay is refused.
        let commit = try net.signed(net.authority(1).commitBodies[1] ?? [], as: 1)
        XCTAssertThrowsError(try net.authority(2).receive(commit, from: 1)) { e in
            XCTAssertEqual(e as? ProtocolError, .state("the DKG is over"))
        }
    }

    /// The session id binds the roster, t, n and the nonce.
    func testSessionIdBindsParameters() throws {
        let nonce = [UInt8](repeating: 7, count: 32)
        let key = try DKGNodeKey.generate()
        let key2 = try DKGNodeKey.generate()
        let roster = [DKGRosterEntry(name: try Identity("a"), keys: key.publicKey),
                      DKGRosterEntry(name: try Identity("b"), keys: key2.publicKey)]
        let s1 = try DKGSession(roster: roster, threshold: 1, nonce: nonce)
        XCTAssertEqual(try DKGSession(roster: roster, threshold: 1, nonce: nonce).sid, s1.sid)
        XCTAssertNotEqual(try DKGSession(roster: roster, threshold: 2, nonce: nonce).sid, s1.sid)
        XCTAssertNotEqual(try DKGSession(roster: roster.reversed(), threshold: 1, nonce: nonce).sid, s1.sid)
        XCTAssertNotEqual(try DKGSession(roster: roster, threshold: 1, nonce: nonce + [0]).sid, s1.sid)
        XCTAssertThrowsError(try DKGSession(roster: roster, threshold: 3, nonce: nonce))
        XCTAssertThrowsError(try DKGSession(roster: roster, threshold: 0, nonce: nonce))
        XCTAssertThrowsError(try DKGSession(roster: roster, threshold: 1, nonce: [1, 2, 3]))
        XCTAssertThrowsError(try DKGSession(roster: [roster[0], roster[0]], threshold: 1, nonce: nonce))
        XCTAssertThrowsError(try DKGAuthority(session: s1, index: 2, key: key), "keys must match the roster")
        XCTAssertThrowsError(try DKGAuthority(session: s1, index: 3, key: key))
    }
}
