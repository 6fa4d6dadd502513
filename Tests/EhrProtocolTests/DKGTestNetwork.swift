// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// A simulated consortium for DKG tests: n authorities with fresh node keys, a broadcast
/// channel standing in for the ledger and private links. It drives the rounds, lets a test
/// rewrite, drop, replay or reorder what a chosen authority sends, and records every
/// rejection (recipient, sender, error) instead of stopping.
final class DKGTestNetwork {
    let session: DKGSession
    let keys: [DKGNodeKey]
    var authorities: [DKGAuthority]
    /// Rewrites the messages an authority sends in a round (default: unchanged).
    var tamper: (_ sender: UInt16, _ round: DKGRound, _ out: [DKGOutgoing]) -> [DKGOutgoing] = { $2 }
    /// Authorities that stop participating from the given round on (no sends, no advance).
    var silentFrom: [UInt16: DKGRound] = [:]
    /// Deliver every message twice.
    var duplicateDelivery = false
    /// Shuffle the delivery order of each round with this seed.
    var shuffleSeed: UInt64?
    /// Rejections observed by recipients.
    private(set) var rejections: [(to: UInt16, from: UInt16, error: Error)] = []

    init(t: Int, n: Int, nonce: [UInt8]? = nil) throws {
        var keys: [DKGNodeKey] = []
        var roster: [DKGRosterEntry] = []
        for k in 1...n {
            let key = try DKGNodeKey.generate()
            keys.append(key)
            roster.append(DKGRosterEntry(name: try Identity("authority-\(k)"), keys: key.publicKey))
        }
        let nonceBytes = nonce ?? (0..<32).map { _ in UInt8.random(in: 0...255) }
        let session = try DKGSession(roster: roster, threshold: t, nonce: nonceBytes)
        self.session = session
        self.keys = keys
        authorities = try (1...n).map { try DKGAuthority(session: session, index: UInt16($0), key: keys[$0 - 1]) }
    }

    func authority(_ k: UInt16) -> DKGAuthority { authorities[Int(k) - 1] }

    func isSilent(_ k: UInt16, in round: DKGRound) -> Bool {
        guard let from = silentFrom[k] else { return false }
        return round >= from
    }

    /// Delivers `out` from `sender` to its recipients (broadcasts go to all others).
    func deliver(_ out: [DKGOutgoing], from sender: UInt16) {
        var queue: [(UInt16, [UInt8])] = []
        for m in out {
            switch m {
            case let .broadcast(bytes):
                for a in authorities where a.index != sender { queue.append((a.index, bytes)) }
            case let .direct(to, bytes):
                queue.append((to, bytes))
            }
        }
        if duplicateDelivery { queue += queue }
        if var seed = shuffleSeed {
            for k in stride(from: queue.count - 1, to: 0, by: -1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                queue.swapAt(k, Int((seed >> 33) % UInt64(k + 1)))
            }
            shuffleSeed = seed
        }
        for (to, bytes) in queue { inject(bytes, to: to, from: sender) }
    }

    /// Hands one message to an authority, recording a rejection.
    func inject(_ bytes: [UInt8], to: UInt16, from sender: UInt16) {
        guard Int(to) >= 1, Int(to) <= authorities.count, !isSilent(to, in: authority(to).round) else { return }
        do { try authority(to).receive(bytes, from: sender) } catch {
            rejections.append((to, sender, error))
        }
    }

    /// One step for every authority, in index order, delivering immediately: later authorities
    /// therefore receive next-round messages before their own deadline (reordering).
    func step(_ body: (DKGAuthority) throws -> [DKGOutgoing]) throws {
        for a in authorities {
            let next = DKGRound(rawValue: a.round.rawValue + 1) ?? .done
            if isSilent(a.index, in: next) || isSilent(a.index, in: a.round) { continue }
            let out = try body(a)
            deliver(tamper(a.index, a.round, out), from: a.index)
        }
    }

    /// Runs all rounds. Returns the results of the authorities that finished.
    @discardableResult
    func run() throws -> [UInt16: DKGResult] {
        try step { try $0.start() }
        for _ in 0..<6 { try step { try $0.advance() } }
        var out: [UInt16: DKGResult] = [:]
        for a in authorities { if let r = a.result { out[a.index] = r } }
        return out
    }

    /// Rejections whose error matches `predicate`.
    func rejections(where predicate: (Error) -> Bool) -> [(to: UInt16, from: UInt16, error: Error)] {
        rejections.filter { predicate($0.error) }
    }

    // MARK: - Crafting messages as a (malicious) authority

    /// Signs a body as authority `k`.
    func signed(_ body: [UInt8], as k: UInt16) throws -> [UInt8] {
        try DKGEnvelope.sign(body: body, sid: session.sid, sender: k, key: keys[Int(k) - 1])
    }

    /// Opens a sealed share with the recipient's key.
    func openShare(_ bytes: [UInt8], recipient: UInt16) throws -> DKGScalarPairMessage {
        try DKGEnvelope.openSealed(bytes, session: session, me: recipient, key: keys[Int(recipient) - 1])
    }

    /// Seals a share as its dealer.
    func sealed(_ share: DKGScalarPairMessage) throws -> [UInt8] {
        try DKGEnvelope.seal(share, session: session, key: keys[Int(share.first) - 1])
    }

    /// The body of a signed broadcast.
    func body(_ bytes: [UInt8]) throws -> [UInt8] { try DKGEnvelope.openSigned(bytes, session: session).body }
}

/// Checks shared by the DKG tests.
enum DKGAssert {
    /// Every result agrees on QUAL, y and every Y_k, each x_j matches Y_j, and any t shares
    /// interpolate to the same secret, which matches y.
    static func agreement(_ results: [UInt16: DKGResult], qual: [UInt16], t: Int,
                          file: StaticString = #filePath, line: UInt = #line) {
        guard let first = results.values.first else {
            XCTFail("no authority finished", file: file, line: line)
            return
        }
        for (j, r) in results {
            XCTAssertEqual(r.qual, qual, "QUAL at authority \(j)", file: file, line: line)
            XCTAssertEqual(r.params, first.params, "PARAMS at authority \(j)", file: file, line: line)
            let yj = r.params.publicShares[Int(j) - 1]
            XCTAssertEqual(G2Projective.generator.mul(r.secretShare).toAffine(), yj, "x_\(j)·g2 = Y_\(j)",
                           file: file, line: line)
        }
        let idx = results.keys.sorted()
        guard idx.count >= t else { return }
        let s = secret(idx.prefix(t).map { ($0, results[$0]!.secretShare) })
        XCTAssertEqual(G2Projective.generator.mul(s).toAffine(), first.params.masterPublicKey,
                       "t shares interpolate to log y", file: file, line: line)
        if idx.count > t {
            let s2 = secret(idx.suffix(t).map { ($0, results[$0]!.secretShare) })
            XCTAssertEqual(s, s2, "another t-subset gives the same secret", file: file, line: line)
        }
    }

    /// Σ λ_i·x_i over the given (index, share) pairs.
    static func secret(_ shares: [(UInt16, Fr)]) -> Fr {
        guard let lambdas = DKGPolynomial.lagrangeAtZero(shares.map(\.0)) else { return .zero }
        var s = Fr.zero
        for (l, (_, x)) in zip(lambdas, shares) { s += l * x }
        return s
    }
}
