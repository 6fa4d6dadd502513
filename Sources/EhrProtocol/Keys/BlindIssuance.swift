// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
import EhrPairing

/// Optional blinded issuance (PROTOCOL.md §5): the authority never sees x_i·H1(id) in clear,
/// so its answer may travel over the ledger.
///
/// 1. The user picks β, sends `B_e = β·Qe`, `B_s = β·Qs` and a DLEQ proof `(c, z)` that both use
///    the same β over the bases Qe, Qs of its own identity:
///    `c = Hs(fp ‖ id ‖ B_e ‖ B_s ‖ z·Qe − c·B_e ‖ z·Qs − c·B_s)` (Chaum–Pedersen, Fiat–Shamir,
///    DST BLINDPOK). Without it a user could blind someone else's H1(id).
/// 2. The authority (after authenticating the requester as `id`, as in unblinded issuance)
///    hashes `id` itself, checks the proof and answers `x_i·B_e`, `x_i·B_s` (BLIND_PARTIAL).
/// 3. The user checks `e(K'_e, −g2)·e(B_e, Y_i) = 1` (and for K'_s) and unblinds with β⁻¹,
///    obtaining an ordinary partial key for `ThresholdKeys.combine`.
public enum BlindIssuance {
    /// The user's secret state between request and answers: β and the request.
    public struct Blinding: Sendable {
        public let request: BlindRequest
        let beta: Fr
    }

    /// Step 1: a blinded request for `id` under the master key of `params`.
    /// - Throws: `ProtocolError.random` if the CSPRNG fails.
    public static func request(for id: Identity, params: PublicParams) throws(ProtocolError) -> Blinding {
        let (qe, qs) = try ThresholdKeys.identityPoints(id)
        let beta: Fr
        let w: Fr
        do {
            beta = try Fr.randomNonZero()
            w = try Fr.randomNonZero()
        } catch { throw .random }
        let pe = G1Projective(qe)
        let ps = G1Projective(qs)
        let b = G1Projective.batchToAffine([pe.mul(beta), ps.mul(beta), pe.mul(w), ps.mul(w)])
        let c = try challenge(fp: params.fingerprint, id: id, be: b[0], bs: b[1], te: b[2], ts: b[3])
        let req = BlindRequest(fingerprint: params.fingerprint, identity: id, blindedDecryption: b[0],
                               blindedSigning: b[1], c: c, z: w + c * beta)
        return Blinding(request: req, beta: beta)
    }

    /// Step 2, at authority `index`: checks the proof and answers x_i·B.
    /// - Parameters:
    ///   - authenticated: the identity the requester was authenticated as, out of band.
    /// - Throws: `ProtocolError.param` if the request names another identity or master key,
    ///   `ProtocolError.verify` if the proof fails.
    public static func answer(_ req: BlindRequest, authenticated: Identity, share x: Fr, index: UInt16,
                              params: PublicParams) throws(ProtocolError) -> BlindPartialKey {
        guard req.identity == authenticated else {
            throw .param("blind request for \(req.identity) from a requester authenticated as \(authenticated)")
        }
        guard req.fingerprint == params.fingerprint else { throw .param("blind request for another master public key") }
        guard index >= 1, Int(index) <= params.n else { throw .param("authority index \(index) is outside 1..\(params.n)") }
        let (qe, qs) = try ThresholdKeys.identityPoints(authenticated)
        // T = z·Q − c·B; the values are public (the proof is), so variable time is fine.
        let te = G1Projective(qe).mulVartime(req.z) - G1Projective(req.blindedDecryption).mulVartime(req.c)
        let ts = G1Projective(qs).mulVartime(req.z) - G1Projective(req.blindedSigning).mulVartime(req.c)
        let t = G1Projective.batchToAffine([te, ts])
        let c = try challenge(fp: req.fingerprint, id: authenticated, be: req.blindedDecryption,
                              bs: req.blindedSigning, te: t[0], ts: t[1])
        guard c == req.c else { throw .verify("blinding proof of \(authenticated) does not verify") }
        let k = G1Projective.batchToAffine([G1Projective(req.blindedDecryption).mul(x),
                                            G1Projective(req.blindedSigning).mul(x)])
        return BlindPartialKey(fingerprint: params.fingerprint, index: index, identity: authenticated,
                               blindedDecryptionShare: k[0], blindedSigningShare: k[1])
    }

    /// Step 3: verifies authority i's blinded answer against Y_i and unblinds it.
    /// - Throws: `ProtocolError.param` for another identity or master key, `ProtocolError.verify`
    ///   naming the authority if the answer is wrong.
    public static func unblind(_ answer: BlindPartialKey, with blinding: Blinding,
                               params: PublicParams) throws(ProtocolError) -> PartialKey {
        let req = blinding.request
        guard answer.identity == req.identity, answer.fingerprint == params.fingerprint else {
            throw .param("blind answer from authority \(answer.index) is for another identity or master key")
        }
        let yi = try params.publicShare(answer.index)
        guard !answer.blindedDecryptionShare.isInfinity, !answer.blindedSigningShare.isInfinity,
              try ThresholdKeys.pairingEquationHolds(
                  k: (answer.blindedDecryptionShare, answer.blindedSigningShare),
                  q: (req.blindedDecryption, req.blindedSigning), g2Side: yi)
        else { throw .verify("blind partial key from authority \(answer.index) does not verify against Y_\(answer.index)") }
        let inv = blinding.beta.inverse()
        let k = G1Projective.batchToAffine([G1Projective(answer.blindedDecryptionShare).mul(inv),
                                            G1Projective(answer.blindedSigningShare).mul(inv)])
        return PartialKey(fingerprint: params.fingerprint, index: answer.index, identity: req.identity,
                          decryptionShare: k[0], signingShare: k[1])
    }

    /// c = Hs(fp ‖ id ‖ B_e ‖ B_s ‖ T_e ‖ T_s) with the BLINDPOK tag (PROTOCOL.md §3, §5).
    static func challenge(fp: [UInt8], id: Identity, be: G1Affine, bs: G1Affine,
                          te: G1Affine, ts: G1Affine) throws(ProtocolError) -> Fr {
        var w = WireWriter()
        w.raw(fp)
        w.id(id.bytes)
        for p in [be, bs, te, ts] { w.raw(p.compressed) }
        do { return try hashToFr(msg: w.bytes, dst: DomainTags.blindProof) } catch {
            throw .param("hash to scalar failed: \(error)")
        }
    }
}
