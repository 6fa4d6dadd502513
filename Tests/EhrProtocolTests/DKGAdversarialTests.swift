// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Misbehaving dealers (PROTOCOL.md §4; GJKR 2007, Fig. 2): every run ends with the QUAL the
/// common rule prescribes at every honest authority, the same y and Y_k, and named faults.
final class DKGAdversarialTests: XCTestCase {
    // MARK: - Tampering helpers

    /// Makes `dealer`'s private shares to `victims` wrong (s + 1).
    private func corruptShares(_ net: DKGTestNetwork, dealer: UInt16, victims: Set<UInt16>) {
        net.tamper = { sender, round, out in
            guard sender == dealer, round == .dealing else { return out }
            return out.map { m in
                guard case let .direct(to, bytes) = m, victims.contains(to),
                      let share = try? net.openShare(bytes, recipient: to) else { return m }
                let bad = DKGScalarPairMessage(type: .dkgShare, sid: share.sid, first: share.first, second: to,
                                               s: share.s + .one, sPrime: share.sPrime)
                return (try? net.sealed(bad)).map { .direct(to: to, $0) } ?? m
            }
        }
    }

    /// Rewrites the bodies of `sender`'s broadcasts of one type in one round.
    private func rewrite(_ net: DKGTestNetwork, sender who: UInt16, round r: DKGRound, type: WireType,
                         _ change: @escaping ([UInt8]) -> [UInt8]?) {
        let previous = net.tamper
        net.tamper = { sender, round, out in
            let out = previous(sender, round, out)
            guard sender == who, round == r else { return out }
            return out.compactMap { m in
                guard case let .broadcast(bytes) = m, let body = try? net.body(bytes), body[5] == type.rawValue
                else { return m }
                guard let newBody = change(body) else { return nil }
                return (try? net.signed(newBody, as: who)).map { .broadcast($0) }
            }
        }
    }

    private func honestResults(_ r: [UInt16: DKGResult], excluding bad: UInt16) -> [UInt16: DKGResult] {
        r.filter { $0.key != bad }
    }

    private func faults(_ net: DKGTestNetwork, of k: UInt16, honest: [UInt16]) -> [[DKGFault.Kind]] {
        honest.map { j in net.authority(j).faults.filter { $0.authority == k }.map(\.kind) }
    }

    // MARK: - Phase 1

    func testBadShareToOnePartyIsAnsweredAndTheDealerStays() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        net.duplicateDelivery = true  // replays must not count twice
        corruptShares(net, dealer: 2, victims: [4])
        let results = try net.run()
        XCTAssertEqual(net.authority(4).filedComplaints, [2])
        for j in [1, 3, 5] as [UInt16] { XCTAssertEqual(net.authority(j).filedComplaints, []) }
        DKGAssert.agreement(results, qual: [1, 2, 3, 4, 5], t: 3)
        XCTAssertEqual(results.count, 5)
        for a in net.authorities { XCTAssertTrue(a.faults.isEmpty, "\(a.index): \(a.faults)") }
    }

    func testBadSharesToTPartiesDisqualify() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        corruptShares(net, dealer: 2, victims: [1, 3, 4])
        let results = try net.run()
        // Dealer 2 answered every complaint correctly, yet t complainers disqualify it.
        DKGAssert.agreement(results, qual: [1, 3, 4, 5], t: 3)
        XCTAssertEqual(results.count, 5, "a disqualified dealer still receives its share x_j")
        for r in results.values { XCTAssertEqual(r.disqualified, [2]) }
        for kinds in faults(net, of: 2, honest: [1, 3, 4, 5]) { XCTAssertEqual(kinds, [.tooManyComplaints]) }
    }

    func testWrongAnswerDisqualifies() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        corruptShares(net, dealer: 3, victims: [1])
        rewrite(net, sender: 3, round: .answers, type: .dkgReveal) { body in
            var b = body
            b[b.count - 33] ^= 0x01  // s + small change, still < r
            return b
        }
        let results = try net.run()
        DKGAssert.agreement(honestResults(results, excluding: 3), qual: [1, 2, 4, 5], t: 3)
        for kinds in faults(net, of: 3, honest: [1, 2, 4, 5]) { XCTAssertEqual(kinds, [.invalidAnswer]) }
    }

    func testUnansweredComplaintDisqualifies() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        corruptShares(net, dealer: 1, victims: [3])
        rewrite(net, sender: 1, round: .answers, type: .dkgReveal) { _ in nil }
        let results = try net.run()
        // The cheater believes it answered (its own view); the honest ones agree without it.
        DKGAssert.agreement(honestResults(results, excluding: 1), qual: [2, 3], t: 2)
        for kinds in faults(net, of: 1, honest: [2, 3]) { XCTAssertEqual(kinds, [.unansweredComplaint]) }
    }

    func testInconsistentCommitmentDisqualifies() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        // C_1 + g2: no share matches, every other authority complains.
        rewrite(net, sender: 5, round: .dealing, type: .dkgCommit) { body in
            guard let m = try? DKGCommitMessage(decoding: body, type: .dkgCommit, session: net.session) else { return body }
            var pts = m.points
            pts[1] = (G2Projective(pts[1]) + .generator).toAffine()
            return DKGCommitMessage(type: .dkgCommit, sid: m.sid, dealer: 5, points: pts).encoded
        }
        let results = try net.run()
        DKGAssert.agreement(honestResults(results, excluding: 5), qual: [1, 2, 3, 4], t: 3)
        for j in [1, 2, 3, 4] as [UInt16] { XCTAssertEqual(net.authority(j).filedComplaints, [5]) }
        for kinds in faults(net, of: 5, honest: [1, 2, 3, 4]) { XCTAssertEqual(kinds, [.tooManyComplaints]) }
    }

    func testMalformedCommitmentDisqualifies() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        // One point short: t mismatch, rejected by every receiver (ProtocolError.param).
        rewrite(net, sender: 2, round: .dealing, type: .dkgCommit) { body in
            var b = Array(body.dropLast(96))
            b[41] = 1
            return b
        }
        let results = try net.run()
        DKGAssert.agreement(honestResults(results, excluding: 2), qual: [1, 3], t: 2)
        XCTAssertEqual(net.rejections(where: { ($0 as? ProtocolError).map { if case .param = $0 { true } else { false } } ?? false }).count, 2)
        for kinds in faults(net, of: 2, honest: [1, 3]) { XCTAssertEqual(kinds, [.malformedMessage, .missingCommitment]) }
    }

    func testEquivocatingCommitmentDisqualifies() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        let previous = net.tamper
        net.tamper = { sender, round, out in
            guard sender == 1, round == .dealing, case let .broadcast(bytes)? = out.first,
                  let body = try? net.body(bytes),
                  let m = try? DKGCommitMessage(decoding: body, type: .dkgCommit, session: net.session) else {
                return previous(sender, round, out)
            }
            let other = DKGCommitMessage(type: .dkgCommit, sid: m.sid, dealer: 1, points: m.points.reversed())
            return out + ((try? net.signed(other.encoded, as: 1)).map { [.broadcast($0)] } ?? [])
        }
        let results = try net.run()
        DKGAssert.agreement(honestResults(results, excluding: 1), qual: [2, 3], t: 2)
        XCTAssertEqual(net.rejections(where: { ($0 as? ProtocolError).map { if case .verify = $0 { true } else { false } } ?? false }).count, 2)
        for kinds in faults(net, of: 1, honest: [2, 3]) { XCTAssertEqual(kinds, [.equivocation, .equivocation]) }
    }

    func testSilentDealerIsDisqualified() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        net.silentFrom[3] = .dealing
        let results = try net.run()
        XCTAssertNil(results[3])
        DKGAssert.agreement(results, qual: [1, 2, 4, 5], t: 3)
        for kinds in faults(net, of: 3, honest: [1, 2, 4, 5]) { XCTAssertEqual(kinds, [.missingCommitment]) }
    }

    /// A commitment withheld past the dealing deadline is refused (round over) and the dealer
    /// is out, although its shares arrived in time.
    func testLateCommitmentIsRejected() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        var withheld: [UInt8] = []
        net.tamper = { sender, round, out in
            guard sender == 3, round == .dealing else { return out }
            return out.filter { m in
                if case let .broadcast(b) = m { withheld = b; return false }
                return true
            }
        }
        try net.step { try $0.start() }
        try net.step { try $0.advance() }
        XCTAssertFalse(withheld.isEmpty)
        XCTAssertThrowsError(try net.authority(1).receive(withheld, from: 3)) { e in
            guard case .state? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        net.inject(withheld, to: 2, from: 3)
        for _ in 0..<5 { try net.step { try $0.advance() } }
        let results = net.authorities.compactMap(\.result)
        XCTAssertEqual(results.filter { $0.index != 3 }.map(\.qual), [[1, 2], [1, 2]])
    }

    // MARK: - Phase 2

    func testPhase2CheaterIsReconstructed() throws {
        let net = try DKGTestNetwork(t: 3, n: 5)
        rewrite(net, sender: 5, round: .feldman, type: .dkgFeldman) { body in
            guard let m = try? DKGCommitMessage(decoding: body, type: .dkgFeldman, session: net.session) else { return body }
            var pts = m.points
            pts[1] = (G2Projective(pts[1]) + .generator).toAffine()
            return DKGCommitMessage(type: .dkgFeldman, sid: m.sid, dealer: 5, points: pts).encoded
        }
        let results = try net.run()
        XCTAssertEqual(results.count, 5)
        DKGAssert.agreement(results, qual: [1, 2, 3, 4, 5], t: 3)
        // Dealer 5 itself recorded its true vector, so only the others reconstruct it.
        for r in honestResults(results, excluding: 5).values { XCTAssertEqual(r.reconstructed, [5]) }
        for kinds in faults(net, of: 5, honest: [1, 2, 3, 4]) { XCTAssertEqual(kinds, [.feldmanMismatch]) }
    }

    func testDealerSilentInPhase2IsReconstructed() throws {
        let net = try DKGTestNetwork(t: 2, n: 4)
        net.silentFrom[2] = .feldman
        let results = try net.run()
        XCTAssertNil(results[2])
        DKGAssert.agreement(results, qual: [1, 2, 3, 4], t: 2)
        for r in results.values { XCTAssertEqual(r.reconstructed, [2]) }
        for kinds in faults(net, of: 2, honest: [1, 3, 4]) { XCTAssertEqual(kinds, [.missingFeldman]) }
    }

    /// Dealer 3 answers 1's complaint, then goes silent in phase 2. Authority 1's phase-2 reveal
    /// repeats 3's answer byte for byte; it must count (not be taken for a replay), or authority
    /// 2 would hold only one of the t = 2 shares it needs.
    func testRevealRepeatingAnAnswerStillCounts() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        corruptShares(net, dealer: 3, victims: [1])
        net.silentFrom[3] = .feldman
        let results = try net.run()
        XCTAssertEqual(net.authority(1).filedComplaints, [3])
        XCTAssertEqual(results.count, 2)
        DKGAssert.agreement(results, qual: [1, 2, 3], t: 2)
        for r in results.values { XCTAssertEqual(r.reconstructed, [3]) }
    }

    /// A false Feldman complaint (the pair fails Pedersen) is named and changes nothing.
    func testFalseFeldmanComplaintIsIgnored() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        let previous = net.tamper
        net.tamper = { sender, round, out in
            guard sender == 3, round == .feldmanComplaints else { return previous(sender, round, out) }
            let lie = DKGScalarPairMessage(type: .dkgFComplaint, sid: net.session.sid, first: 3, second: 1,
                                           s: Fr(5), sPrime: Fr(6))
            return out + ((try? net.signed(lie.encoded, as: 3)).map { [.broadcast($0)] } ?? [])
        }
        let results = try net.run()
        DKGAssert.agreement(results, qual: [1, 2, 3], t: 2)
        for r in results.values { XCTAssertEqual(r.reconstructed, []) }
        for kinds in faults(net, of: 3, honest: [1, 2]) { XCTAssertEqual(kinds, [.invalidFeldmanComplaint]) }
    }

    // MARK: - Injected traffic during a run

    /// Authority 3 injects a complaint forged in 1's name, a message of another session and
    /// a replay, in the middle of the run: all are rejected with the right error, QUAL is full.
    func testForgedAndForeignTrafficDuringARun() throws {
        let net = try DKGTestNetwork(t: 2, n: 3)
        let other = try DKGSession(roster: net.session.roster, threshold: 2, nonce: [UInt8](repeating: 1, count: 32))
        var replay: [UInt8] = []
        net.tamper = { sender, round, out in
            guard sender == 3 else { return out }
            if round == .dealing, case let .broadcast(b)? = out.first { replay = b }
            guard round == .complaints else { return out }
            let forgedBody = DKGComplaintMessage(sid: net.session.sid, complainer: 1, accused: 2).encoded
            let forged = (try? DKGEnvelope.sign(body: forgedBody, sid: net.session.sid, sender: 1, key: net.keys[2])) ?? []
            let foreignBody = DKGComplaintMessage(sid: other.sid, complainer: 3, accused: 2).encoded
            let foreign = (try? DKGEnvelope.sign(body: foreignBody, sid: other.sid, sender: 3, key: net.keys[2])) ?? []
            return out + [.broadcast(forged), .broadcast(foreign), .broadcast(replay)]
        }
        let results = try net.run()
        DKGAssert.agreement(results, qual: [1, 2, 3], t: 2)
        XCTAssertEqual(results.count, 3)
        let errors = net.rejections.map { $0.error as? ProtocolError }
        XCTAssertEqual(errors.count, 2 * 2, "forged and foreign, at each of the two others: \(errors)")
        XCTAssertEqual(errors.filter { if case .verify? = $0 { true } else { false } }.count, 2)
        XCTAssertEqual(errors.filter { if case .param? = $0 { true } else { false } }.count, 2)
        for a in net.authorities { XCTAssertTrue(a.filedComplaints.isEmpty) }
        for a in net.authorities { XCTAssertTrue(a.faults.isEmpty, "\(a.faults)") }
    }

    /// t = n (the paper's setting) is not robust: a qualified dealer that goes silent in
    /// phase 2 cannot be reconstructed (t shares needed, n − 1 available). The run stops with
    /// a typed error at every honest authority, never a trap.
    func testTEqualsNCannotSurviveAPhase2Dropout() throws {
        let net = try DKGTestNetwork(t: 3, n: 3)
        net.silentFrom[3] = .feldman
        var errors: [UInt16: Error] = [:]
        try net.step { try $0.start() }
        for _ in 0..<6 {
            try net.step { a in
                do { return try a.advance() } catch {
                    if errors[a.index] == nil { errors[a.index] = error }
                    return []
                }
            }
        }
        for j in [1, 2] as [UInt16] {
            XCTAssertEqual(net.authority(j).round, .failed)
            XCTAssertNil(net.authority(j).result)
            XCTAssertEqual(errors[j] as? ProtocolError,
                           .state("cannot reconstruct dealer 3: 2 valid shares, t = 3"))
        }
    }
}
