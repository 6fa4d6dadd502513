// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

/// One authority's side of the GJKR distributed key generation (PROTOCOL.md §4; Gennaro,
/// Jarecki, Krawczyk, Rabin, "Secure distributed key generation for discrete-log based
/// cryptosystems", J. Cryptology 2007, Fig. 2), as a sans-IO state machine:
///
/// ```
/// var out = try a.start()                  // round 1 (dealing)
/// deliver(out); for m in inbox { try? a.receive(m.bytes, from: m.sender) }
/// out = try a.advance()                    // at each ledger deadline: rounds 2…6, then done
/// ```
///
/// `start()` and `advance()` return the messages to send; `receive(_:from:)` validates one
/// message and stores it for the next deadline. Messages for a later round are kept (so
/// reordering is harmless); messages for a round whose deadline has passed are rejected.
/// Replays are idempotent. The QUAL rule and the reconstruction set depend only on the
/// broadcast messages, so every honest authority with the same ledger view computes the same
/// QUAL, y and Y_1..Y_n.
///
/// Not thread-safe: one driver at a time. Secrets (both polynomials, received shares) are
/// overwritten when the run ends or the object is released.
public final class DKGAuthority {
    /// The session parameters.
    public let session: DKGSession
    /// This authority's index j (1-based).
    public let index: UInt16
    let key: DKGNodeKey

    /// The current round (the one whose deadline has not passed).
    public internal(set) var round: DKGRound = .idle
    /// Misbehaviour observed so far.
    public internal(set) var faults: [DKGFault] = []
    /// The result once `round == .done`.
    public internal(set) var result: DKGResult?
    /// Dealers this authority complained about in phase 1 (step 2).
    public internal(set) var filedComplaints: [UInt16] = []

    // Secrets.
    var f = DKGPolynomial(coefficients: [])
    var fPrime = DKGPolynomial(coefficients: [])
    /// s_ij, s'_ij from dealer i (own share included), valid or not yet checked.
    var shares: [UInt16: SharePair] = [:]

    // Public state collected from broadcasts.
    var commitments: [UInt16: [G2Projective]] = [:]
    var commitBodies: [UInt16: [UInt8]] = [:]
    var equivocators: Set<UInt16> = []
    var complaints: [UInt16: Set<UInt16>] = [:]          // accused → complainers
    var answers: [UInt16: [UInt16: SharePair]] = [:]      // dealer → holder → revealed pair
    var feldman: [UInt16: [G2Projective]] = [:]
    var feldmanBodies: [UInt16: [UInt8]] = [:]
    var feldmanEquivocators: Set<UInt16> = []
    var feldmanComplaints: [UInt16: [UInt16: SharePair]] = [:]  // accused → complainer → pair
    var reveals: [UInt16: [UInt16: SharePair]] = [:]      // dealer → holder → pair (phase 2)
    var seenBodies: Set<[UInt8]> = []                     // sender ‖ body of accepted broadcasts

    // Decisions.
    var qual: [UInt16] = []
    var reconstructSet: [UInt16] = []
    let h: G2Projective

    /// A private or revealed share pair (s, s') = (f_i(j), f'_i(j)).
    struct SharePair: Equatable {
        var s: Fr
        var sPrime: Fr
    }

    /// - Parameters:
    ///   - session: the agreed session (roster, t, sid).
    ///   - index: this authority's index j in 1..n; its roster entry must hold `key`'s public keys.
    ///   - key: this authority's node keys.
    /// - Throws: `ProtocolError.param` if the index is out of range or the keys do not match.
    public init(session: DKGSession, index: UInt16, key: DKGNodeKey) throws(ProtocolError) {
        try session.check(index: index, "own")
        guard session.entry(index).keys == key.publicKey else {
            throw .param("node keys do not match roster entry \(index)")
        }
        self.session = session
        self.index = index
        self.key = key
        self.h = G2Projective(session.pedersenBase)
    }

    deinit { wipeSecrets() }

    // MARK: - Round 1

    /// Samples f_i, f'_i of degree t−1 and returns DKG_COMMIT (broadcast) and one sealed
    /// DKG_SHARE per other authority (PROTOCOL.md §4 step 1).
    /// - Throws: `ProtocolError.state` if already started, `.random` if the CSPRNG fails (the
    ///   round is then `.failed`).
    public func start() throws -> [DKGOutgoing] {
        guard round == .idle else { throw ProtocolError.state("the DKG has already started") }
        round = .dealing
        do {
            return try deal()
        } catch {
            round = .failed
            wipeSecrets()
            throw error
        }
    }

    private func deal() throws -> [DKGOutgoing] {
        f = try DKGPolynomial.random(degree: session.t - 1)
        fPrime = try DKGPolynomial.random(degree: session.t - 1)
        // C_k = a_k·g2 + b_k·h: secret coefficients, constant-time multiplication.
        var c: [G2Projective] = []
        for (a, b) in zip(f.coefficients, fPrime.coefficients) {
            c.append(G2Projective.mulGenerator(a) + h.mul(b))
        }
        let commit = DKGCommitMessage(type: .dkgCommit, sid: session.sid, dealer: index,
                                      points: G2Projective.batchToAffine(c))
        var out = [try broadcast(commit.encoded)]
        for j in session.indices {
            let pair = SharePair(s: f.evaluate(at: j), sPrime: fPrime.evaluate(at: j))
            if j == index {
                shares[j] = pair
                continue
            }
            let msg = DKGScalarPairMessage(type: .dkgShare, sid: session.sid, first: index, second: j,
                                           s: pair.s, sPrime: pair.sPrime)
            out.append(.direct(to: j, try DKGEnvelope.seal(msg, session: session, key: key)))
        }
        return out
    }

    // MARK: - Receiving

    /// Validates one message from authority `sender` and stores it for the next deadline.
    ///
    /// - Returns: `.accepted`, or `.duplicate` for a byte-identical repeat (never counted twice).
    /// - Throws: `ProtocolError.length/.magic/.version/.type` for malformed framing, `.param` for
    ///   another session, an index out of range or a sender that differs from the signer,
    ///   `.verify` for a bad signature (forged sender) or equivocation, `.decrypt` for a share
    ///   that does not decrypt, `.state` for a message whose round is over; `FieldError` /
    ///   `CurveError` for bad scalars or points. When it throws, nothing is stored except the
    ///   record of an equivocation (two different signed messages for one slot) in `faults`.
    @discardableResult
    public func receive(_ bytes: [UInt8], from sender: UInt16) throws -> DKGReceipt {
        guard round != .done, round != .failed else { throw ProtocolError.state("the DKG is over") }
        if try DKGEnvelope.kind(of: bytes) == DKGEnvelope.sealedType {
            return try receiveSealed(bytes, from: sender)
        }
        let (signer, body) = try DKGEnvelope.openSigned(bytes, session: session)
        guard signer == sender else {
            throw ProtocolError.param("message from authority \(sender) is signed as authority \(signer)")
        }
        // Keyed by sender too: a phase-2 reveal by holder j can repeat, byte for byte, the
        // phase-1 answer dealer i gave to j's complaint, and must still count.
        let seenKey = DKGAuthority.seenKey(signer, body)
        if seenBodies.contains(seenKey) { return .duplicate }
        do {
            try dispatch(body, from: signer)
        } catch let e as ProtocolError {
            if case .state = e { throw e }
            if case .verify = e { throw e }
            recordMalformed(from: signer, "\(e)")
            throw e
        } catch {
            recordMalformed(from: signer, "\(error)")
            throw error
        }
        seenBodies.insert(seenKey)
        return .accepted
    }

    /// Records a signed but undecodable message, at most `maxMalformedPerAuthority` times per
    /// sender, so a misbehaving authority cannot grow the fault log without bound.
    private func recordMalformed(from signer: UInt16, _ detail: String) {
        let count = faults.lazy.filter { $0.authority == signer && $0.kind == .malformedMessage }.count
        guard count < DKGAuthority.maxMalformedPerAuthority else { return }
        faults.append(DKGFault(authority: signer, kind: .malformedMessage, detail: detail))
    }

    static let maxMalformedPerAuthority = 4

    private func receiveSealed(_ bytes: [UInt8], from sender: UInt16) throws -> DKGReceipt {
        let share = try DKGEnvelope.openSealed(bytes, session: session, me: index, key: key)
        guard share.first == sender else {
            throw ProtocolError.param("share from authority \(sender) is sealed as authority \(share.first)")
        }
        try requireOpen(.dealing, "DKG_SHARE")
        let pair = SharePair(s: share.s, sPrime: share.sPrime)
        if let old = shares[sender] {
            if old == pair { return .duplicate }
            faults.append(DKGFault(authority: sender, kind: .equivocation, detail: "two different shares"))
            throw ProtocolError.verify("authority \(sender) sent two different shares; the first is kept")
        }
        shares[sender] = pair
        return .accepted
    }

    /// Rejects a message whose round deadline has passed.
    func requireOpen(_ r: DKGRound, _ what: String) throws(ProtocolError) {
        guard round <= r else { throw .state("\(what) arrived after the deadline of round \(r.rawValue)") }
    }

    func dispatch(_ body: [UInt8], from s: UInt16) throws {
        guard body.count >= Wire.headerBytes, let type = WireType(rawValue: body[5]) else {
            throw ProtocolError.type(expected: WireType.dkgCommit.rawValue, actual: body.count > 5 ? body[5] : 0)
        }
        switch type {
        case .dkgCommit, .dkgFeldman:
            let m = try DKGCommitMessage(decoding: body, type: type, session: session)
            guard m.dealer == s else { throw ProtocolError.param("commitment of dealer \(m.dealer) sent by \(s)") }
            try storeCommitment(m, body: body)
        case .dkgComplaint:
            let m = try DKGComplaintMessage(decoding: body, session: session)
            guard m.complainer == s else { throw ProtocolError.param("complaint of \(m.complainer) sent by \(s)") }
            try requireOpen(.complaints, "DKG_COMPLAINT")
            complaints[m.accused, default: []].insert(m.complainer)
        case .dkgReveal:
            let m = try DKGScalarPairMessage(decoding: body, type: .dkgReveal, session: session)
            try storeReveal(m, from: s)
        case .dkgFComplaint:
            let m = try DKGScalarPairMessage(decoding: body, type: .dkgFComplaint, session: session)
            guard m.first == s else { throw ProtocolError.param("Feldman complaint of \(m.first) sent by \(s)") }
            try requireOpen(.feldmanComplaints, "DKG_FCOMPLAINT")
            if feldmanComplaints[m.second]?[m.first] != nil {
                throw ProtocolError.verify("authority \(s) sent two different Feldman complaints against \(m.second)")
            }
            feldmanComplaints[m.second, default: [:]][m.first] = SharePair(s: m.s, sPrime: m.sPrime)
        default:
            throw ProtocolError.type(expected: WireType.dkgCommit.rawValue, actual: type.rawValue)
        }
    }

    private func storeCommitment(_ m: DKGCommitMessage, body: [UInt8]) throws {
        let isFeldman = m.type == .dkgFeldman
        try requireOpen(isFeldman ? .feldman : .dealing, isFeldman ? "DKG_FELDMAN" : "DKG_COMMIT")
        let existing = isFeldman ? feldmanBodies[m.dealer] : commitBodies[m.dealer]
        if existing != nil {
            // A different signed vector for the same slot: provable equivocation.
            if isFeldman { feldmanEquivocators.insert(m.dealer) } else { equivocators.insert(m.dealer) }
            faults.append(DKGFault(authority: m.dealer, kind: .equivocation,
                                   detail: isFeldman ? "two DKG_FELDMAN vectors" : "two DKG_COMMIT vectors"))
            throw ProtocolError.verify("authority \(m.dealer) signed two different \(isFeldman ? "DKG_FELDMAN" : "DKG_COMMIT") messages")
        }
        let points = m.points.map { G2Projective($0) }
        if isFeldman {
            feldman[m.dealer] = points
            feldmanBodies[m.dealer] = body
        } else {
            commitments[m.dealer] = points
            commitBodies[m.dealer] = body
        }
    }

    /// DKG_REVEAL has two uses: a dealer answering a complaint (phase 1, sender = dealer) and a
    /// holder revealing its share of a dealer being reconstructed (phase 2, sender = holder).
    private func storeReveal(_ m: DKGScalarPairMessage, from s: UInt16) throws {
        let pair = SharePair(s: m.s, sPrime: m.sPrime)
        if m.first == s {
            try requireOpen(.answers, "DKG_REVEAL (answer)")
            if let old = answers[m.first]?[m.second], old != pair {
                equivocators.insert(m.first)
                faults.append(DKGFault(authority: s, kind: .equivocation, detail: "two answers for \(m.second)"))
                throw ProtocolError.verify("authority \(s) answered the complaint of \(m.second) twice differently")
            }
            answers[m.first, default: [:]][m.second] = pair
        } else if m.second == s {
            try requireOpen(.reconstruction, "DKG_REVEAL (reconstruction)")
            if reveals[m.first]?[m.second] != nil {
                throw ProtocolError.verify("authority \(s) revealed its share of \(m.first) twice differently")
            }
            reveals[m.first, default: [:]][m.second] = pair
        } else {
            throw ProtocolError.param("DKG_REVEAL \(m.first)→\(m.second) sent by a third authority \(s)")
        }
    }

    // MARK: - Helpers

    /// Signs `body` as a broadcast and applies it locally, as if the ledger had echoed it
    /// (an echo that does arrive later is a duplicate).
    func broadcast(_ body: [UInt8]) throws -> DKGOutgoing {
        let env = try DKGEnvelope.sign(body: body, sid: session.sid, sender: index, key: key)
        try dispatch(body, from: index)
        seenBodies.insert(DKGAuthority.seenKey(index, body))
        return .broadcast(env)
    }

    static func seenKey(_ sender: UInt16, _ body: [UInt8]) -> [UInt8] {
        [UInt8(sender >> 8), UInt8(truncatingIfNeeded: sender)] + body
    }

    func wipeSecrets() {
        f.wipe()
        fPrime.wipe()
        for k in shares.keys { shares[k] = SharePair(s: .zero, sPrime: .zero) }
        shares.removeAll()
    }
}
