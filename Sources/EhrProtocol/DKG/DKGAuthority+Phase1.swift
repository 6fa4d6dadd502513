// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

// Deadlines of phase 1 (Pedersen VSS, fixes QUAL): PROTOCOL.md §4 steps 2–4;
// GJKR 2007, Fig. 2, step 1(b)–(d) and step 2.

extension DKGAuthority {
    /// Closes the current round at its deadline and returns the messages of the next one.
    ///
    /// | closing | returns |
    /// |---|---|
    /// | dealing | DKG_COMPLAINT against dealers whose share is missing or fails the Pedersen check |
    /// | complaints | DKG_REVEAL answers to complaints against this authority |
    /// | answers | (QUAL is fixed) DKG_FELDMAN if this authority is qualified |
    /// | feldman | DKG_FCOMPLAINT against qualified dealers whose A-vector fails the Feldman check |
    /// | feldmanComplaints | DKG_REVEAL of own shares of dealers to reconstruct |
    /// | reconstruction | nothing; `result` is set and the round becomes `.done` |
    ///
    /// - Throws: `ProtocolError.state` if called before `start()` or after the end, or if the
    ///   run cannot finish (QUAL empty, or fewer than t valid shares to reconstruct a dealer:
    ///   more than t − 1 authorities misbehaved); the round is then `.failed`.
    public func advance() throws -> [DKGOutgoing] {
        do {
            switch round {
            case .idle: throw ProtocolError.state("call start() before advance()")
            case .dealing:
                round = .complaints
                return try closeDealing()
            case .complaints:
                round = .answers
                return try closeComplaints()
            case .answers:
                round = .feldman
                return try closeAnswers()
            case .feldman:
                round = .feldmanComplaints
                return try closeFeldman()
            case .feldmanComplaints:
                round = .reconstruction
                return try closeFeldmanComplaints()
            case .reconstruction:
                try finish()
                round = .done
                wipeSecrets()
                return []
            case .done, .failed: throw ProtocolError.state("the DKG is over")
            }
        } catch let e as ProtocolError {
            if case .state = e, round == .done || round == .failed || round == .idle { throw e }
            round = .failed
            wipeSecrets()
            throw e
        } catch {
            round = .failed
            wipeSecrets()
            throw error
        }
    }

    /// Step 2: verify every received share against its dealer's commitment; complain about
    /// missing or failing ones. Dealers without a commitment are out of QUAL anyway (everybody
    /// sees the same broadcasts), so they draw no complaint.
    func closeDealing() throws -> [DKGOutgoing] {
        var out: [DKGOutgoing] = []
        for i in session.indices where i != index {
            guard let c = commitments[i], !equivocators.contains(i) else { continue }
            if let pair = shares[i],
               DKGCommitmentCheck.pedersen(c, index: index, s: pair.s, sPrime: pair.sPrime, h: h) {
                continue
            }
            filedComplaints.append(i)
            let m = DKGComplaintMessage(sid: session.sid, complainer: index, accused: i)
            out.append(try broadcast(m.encoded))
        }
        return out
    }

    /// Step 3: answer each complaint against this authority by revealing (s_ij, s'_ij).
    func closeComplaints() throws -> [DKGOutgoing] {
        var out: [DKGOutgoing] = []
        for c in (complaints[index] ?? []).sorted() {
            let m = DKGScalarPairMessage(type: .dkgReveal, sid: session.sid, first: index, second: c,
                                         s: f.evaluate(at: c), sPrime: fPrime.evaluate(at: c))
            out.append(try broadcast(m.encoded))
        }
        return out
    }

    /// Step 4: the common QUAL rule, then x_j, then step 5 (DKG_FELDMAN by qualified dealers).
    func closeAnswers() throws -> [DKGOutgoing] {
        qual = []
        for i in session.indices {
            if let reason = disqualification(of: i) {
                faults.append(reason)
                continue
            }
            qual.append(i)
        }
        guard !qual.isEmpty else { throw ProtocolError.state("QUAL is empty: every dealer was disqualified") }
        // Adopt publicly revealed shares for the complaints this authority filed.
        for i in qual where filedComplaints.contains(i) {
            if let pair = answers[i]?[index] { shares[i] = pair }
        }
        for i in qual {
            guard let pair = shares[i], let c = commitments[i],
                  DKGCommitmentCheck.pedersen(c, index: index, s: pair.s, sPrime: pair.sPrime, h: h)
            else { throw ProtocolError.state("no valid share from qualified dealer \(i)") }
        }
        guard qual.contains(index) else { return [] }
        // A_k = a_k·g2, secret coefficients: constant-time multiplication.
        let a = f.coefficients.map { G2Projective.mulGenerator($0) }
        let m = DKGCommitMessage(type: .dkgFeldman, sid: session.sid, dealer: index,
                                 points: G2Projective.batchToAffine(a))
        return [try broadcast(m.encoded)]
    }

    /// Why dealer i is not in QUAL (PROTOCOL.md §4 step 4), or nil if it qualifies. Depends on
    /// broadcasts only, so every honest authority decides the same.
    func disqualification(of i: UInt16) -> DKGFault? {
        guard let c = commitments[i] else {
            return DKGFault(authority: i, kind: .missingCommitment, detail: "no valid DKG_COMMIT")
        }
        if equivocators.contains(i) {
            return DKGFault(authority: i, kind: .equivocation, detail: "conflicting commitments or answers")
        }
        let complainers = (complaints[i] ?? []).sorted()
        if complainers.count >= session.t {
            return DKGFault(authority: i, kind: .tooManyComplaints,
                            detail: "\(complainers.count) complainers \(complainers), t = \(session.t)")
        }
        for j in complainers {
            guard let pair = answers[i]?[j] else {
                return DKGFault(authority: i, kind: .unansweredComplaint, detail: "complaint of \(j) not answered")
            }
            guard DKGCommitmentCheck.pedersen(c, index: j, s: pair.s, sPrime: pair.sPrime, h: h) else {
                return DKGFault(authority: i, kind: .invalidAnswer, detail: "answer to \(j) fails the Pedersen check")
            }
        }
        return nil
    }
}
