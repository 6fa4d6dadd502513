// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

// Deadlines of phase 2 (Feldman, extracts y): PROTOCOL.md §4 steps 6–7 and the output;
// GJKR 2007, Fig. 2, step 4(a)–(c).

extension DKGAuthority {
    /// Step 6: check s_ij·g2 = Σ_k j^k·A_ik for every qualified dealer and complain, publishing
    /// (s_ij, s'_ij), where it fails. A missing Feldman vector needs no complaint: everybody sees
    /// it is missing and reconstructs that dealer.
    func closeFeldman() throws -> [DKGOutgoing] {
        var out: [DKGOutgoing] = []
        for i in qual where i != index {
            guard let a = feldman[i], !feldmanEquivocators.contains(i), let pair = shares[i] else { continue }
            if DKGCommitmentCheck.feldman(a, index: index, s: pair.s) { continue }
            let m = DKGScalarPairMessage(type: .dkgFComplaint, sid: session.sid, first: index, second: i,
                                         s: pair.s, sPrime: pair.sPrime)
            out.append(try broadcast(m.encoded))
        }
        return out
    }

    /// Step 7: fix the set of qualified dealers to reconstruct (no valid Feldman vector, or a
    /// valid complaint: the pair passes Pedersen and fails Feldman) and reveal this
    /// authority's shares of them. The dealer stays in QUAL, so y stays uniform (GJKR §4.2).
    func closeFeldmanComplaints() throws -> [DKGOutgoing] {
        reconstructSet = []
        for i in qual {
            guard let c = commitments[i] else { continue }
            if feldman[i] == nil || feldmanEquivocators.contains(i) {
                faults.append(DKGFault(authority: i, kind: .missingFeldman, detail: "no valid DKG_FELDMAN"))
                reconstructSet.append(i)
                continue
            }
            var valid: [UInt16] = []
            for (j, pair) in (feldmanComplaints[i] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let pedersenOK = DKGCommitmentCheck.pedersen(c, index: j, s: pair.s, sPrime: pair.sPrime, h: h)
                if let a = feldman[i], pedersenOK, !DKGCommitmentCheck.feldman(a, index: j, s: pair.s) {
                    valid.append(j)
                } else {
                    faults.append(DKGFault(authority: j, kind: .invalidFeldmanComplaint,
                                           detail: "complaint against \(i) does not prove a Feldman mismatch"))
                }
            }
            if !valid.isEmpty {
                faults.append(DKGFault(authority: i, kind: .feldmanMismatch, detail: "valid Feldman complaints from \(valid)"))
                reconstructSet.append(i)
            }
        }
        var out: [DKGOutgoing] = []
        for i in reconstructSet where i != index {
            guard let pair = shares[i] else { continue }
            let m = DKGScalarPairMessage(type: .dkgReveal, sid: session.sid, first: i, second: index,
                                         s: pair.s, sPrime: pair.sPrime)
            out.append(try broadcast(m.encoded))
        }
        return out
    }

    /// The output: interpolate every dealer to reconstruct from t Pedersen-valid shares,
    /// y = Σ_{QUAL} A_i0, Y_k = Σ_{QUAL} Σ_m k^m·A_im, and check x_j·g2 = Y_j.
    func finish() throws {
        var vectors: [UInt16: [G2Projective]] = [:]
        for i in qual {
            if reconstructSet.contains(i) {
                vectors[i] = try reconstructedFeldman(of: i)
            } else if let a = feldman[i] {
                vectors[i] = a
            } else {
                throw ProtocolError.state("qualified dealer \(i) has no Feldman vector")
            }
        }
        // Sum the vectors first: Y_k is then one Horner evaluation per k.
        var sum = [G2Projective](repeating: .identity, count: session.t)
        for i in qual {
            guard let v = vectors[i], v.count == session.t else { throw ProtocolError.state("bad vector of \(i)") }
            for m in 0..<session.t { sum[m] += v[m] }
        }
        var x = Fr.zero
        for i in qual {
            guard let pair = shares[i] else { throw ProtocolError.state("missing share of dealer \(i)") }
            x += pair.s
        }
        let ys = session.indices.map { DKGCommitmentCheck.evaluate(sum, at: UInt64($0)) }
        guard G2Projective.mulGenerator(x) == ys[Int(index) - 1] else {
            throw ProtocolError.verify("own share x_\(index) does not match the public share Y_\(index)")
        }
        let affine = G2Projective.batchToAffine([sum[0]] + ys)
        guard !affine.contains(where: \.isInfinity) else {
            throw ProtocolError.state("the master key or a public share is the identity")
        }
        let params = try PublicParams(sid: session.sid, t: session.t, n: session.n,
                                      masterPublicKey: affine[0], publicShares: Array(affine.dropFirst()))
        result = DKGResult(index: index, qual: qual, reconstructed: reconstructSet, secretShare: x, params: params)
    }

    /// Recovers f_i from t Pedersen-valid shares (this authority's own, Feldman-complaint pairs,
    /// phase-2 reveals and i's own phase-1 answers) and recomputes A_ik = a_ik·g2 (fixed-base table).
    func reconstructedFeldman(of i: UInt16) throws -> [G2Projective] {
        guard let c = commitments[i] else { throw ProtocolError.state("no commitment of \(i)") }
        var pool: [UInt16: SharePair] = [:]
        if i != index, let own = shares[i] { pool[index] = own }
        for (j, pair) in feldmanComplaints[i] ?? [:] where j != i { pool[j] = pool[j] ?? pair }
        for (j, pair) in reveals[i] ?? [:] where j != i && pool[j] == nil { pool[j] = pair }
        // Phase-1 answers of i are public, Pedersen-checked shares too.
        for (j, pair) in answers[i] ?? [:] where j != i && pool[j] == nil { pool[j] = pair }
        var points: [(x: UInt16, y: Fr)] = []
        for (j, pair) in pool.sorted(by: { $0.key < $1.key }) {
            guard points.count < session.t else { break }
            if DKGCommitmentCheck.pedersen(c, index: j, s: pair.s, sPrime: pair.sPrime, h: h) {
                points.append((j, pair.s))
            } else if j != index {
                faults.append(DKGFault(authority: j, kind: .invalidReveal, detail: "share of \(i) fails Pedersen"))
            }
        }
        guard points.count == session.t, var poly = DKGPolynomial.interpolate(points) else {
            throw ProtocolError.state("cannot reconstruct dealer \(i): \(points.count) valid shares, t = \(session.t)")
        }
        defer { poly.wipe() }
        return poly.coefficients.map { G2Projective.mulGenerator($0) }
    }
}
