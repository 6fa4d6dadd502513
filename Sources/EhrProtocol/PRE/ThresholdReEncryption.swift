// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// Threshold proxies (PROTOCOL.md §6.1, beyond Green–Ateniese): no single
/// producer holds `R3`. The delegator splits it among `n'` proxies with
/// threshold `t'` as a degree-(t'−1) polynomial with coefficients in G1;
/// each proxy returns `φ_k = e(F(k), c1)`; the delegatee interpolates
/// `e(R3, c1) = Π φ_k^{λ_k}` (Lagrange at 0 over Fr) and finishes as Dec2.
/// A colluding delegatee now needs `t'` proxies to recover `ske_i`.
public enum ThresholdReEncryption {
    /// At most this many proxies (a DPoS round has far fewer producers).
    public static let maxProxies = 1024

    static func checkParameters(threshold t: Int, proxies n: Int) throws(ProtocolError) {
        guard n >= 1, n <= maxProxies, t >= 1, t <= n else {
            throw .param("threshold \(t) of \(n) proxies is not valid (need 1 ≤ t' ≤ n' ≤ \(maxProxies))")
        }
    }

    /// Splits `rk` into `proxies` shares, any `threshold` of which suffice:
    /// `B_l = b_l·g1` with fresh secret `b_l` (l = 1…t'−1) and
    /// `F(k) = R3 + Σ k^l·B_l`, evaluated by Horner's rule.
    /// - Throws: `ProtocolError.param` for invalid parameters, `.random`.
    public static func split(_ rk: ReEncryptionKey, threshold: Int, proxies: Int) throws(ProtocolError) -> [ReEncryptionKeyShare] {
        try checkParameters(threshold: threshold, proxies: proxies)
        var coefficients: [G1Projective] = []
        for _ in 1..<max(threshold, 1) {
            coefficients.append(G1Projective.mulGenerator(try IBP1.randomScalar()))
        }
        let r3 = G1Projective(rk.r3)
        var shares: [ReEncryptionKeyShare] = []
        for k in 1...proxies {
            // Horner: F(k) = R3 + k·(B_1 + k·(B_2 + … + k·B_{t'−1})). k is public.
            var acc = G1Projective.identity
            for b in coefficients.reversed() { acc = (acc + b).mulVartime(Fr(UInt64(k))) }
            shares.append(ReEncryptionKeyShare(delegator: rk.delegator, delegatee: rk.delegatee, index: k,
                                               threshold: threshold, proxies: proxies, r1: rk.r1, r2: rk.r2,
                                               point: (acc + r3).toAffine()))
        }
        return shares
    }

    /// Proxy `k`: `φ_k = e(F(k), c1)` for a level-1 capsule of the delegator.
    /// - Throws: `ProtocolError.param` if the capsule belongs to someone else.
    public static func fragment(_ c: Ciphertext1, with share: ReEncryptionKeyShare) throws(ProtocolError) -> ReEncryptionFragment {
        guard share.delegator == c.owner else {
            throw .param("share of \(share.delegator) cannot convert a ciphertext of \(c.owner)")
        }
        return ReEncryptionFragment(delegator: share.delegator, delegatee: share.delegatee, index: share.index,
                                    threshold: share.threshold, c1: c.c1, r1: share.r1, r2: share.r2,
                                    value: pairing(share.point, c.c1))
    }

    /// The delegatee: from `t'` fragments of distinct proxies, `c2' = c2·Π φ_k^{λ_k}`.
    /// Extra fragments beyond `t'` are ignored (the first `t'` by index are used).
    ///
    /// FRAGMENT (0x26) does not carry `n'`, so its decoder can only check `1 ≤ index ≤
    /// maxProxies`. The caller, who knows `n'` (from the REKEY_SHARE set it distributed or the
    /// policy), passes it as `proxies`: every index must then lie in 1…n' and `t' ≤ n'`. A
    /// fragment with an index above n' comes from no real proxy and is refused.
    /// - Throws: `ProtocolError.param` for fewer than `t'` fragments, duplicate indices, an
    ///   index outside 1…n' (when `proxies` is given), or fragments that disagree with each
    ///   other or with the capsule.
    public static func combine(_ c: Ciphertext1, fragments: [ReEncryptionFragment],
                               proxies: Int? = nil) throws(ProtocolError) -> Ciphertext2 {
        guard let first = fragments.first else { throw .param("no re-encryption fragments") }
        for f in fragments {
            guard f.delegator == c.owner, f.c1 == c.c1, f.delegatee == first.delegatee, f.threshold == first.threshold,
                  f.r1 == first.r1, f.r2 == first.r2
            else { throw .param("fragments belong to different capsules or keys") }
        }
        try checkIndices(fragments, threshold: first.threshold, proxies: proxies)
        guard Set(fragments.map(\.index)).count == fragments.count else { throw .param("duplicate fragment index") }
        guard fragments.count >= first.threshold else {
            throw .param("\(fragments.count) fragments, \(first.threshold) needed")
        }
        let used = Array(fragments.sorted { $0.index < $1.index }.prefix(first.threshold))
        let factor = interpolate(used)
        return Ciphertext2(delegator: c.owner, delegatee: first.delegatee, c1: c.c1, c2: c.c2 * factor,
                           r1: first.r1, r2: first.r2)
    }

    /// Every index in 1…n' and t' ≤ n' when `proxies` (n') is known; nothing to check otherwise
    /// (the FRAGMENT decoder already bounds the index by ``maxProxies``).
    static func checkIndices(_ fragments: [ReEncryptionFragment], threshold: Int, proxies: Int?) throws(ProtocolError) {
        guard let n = proxies else { return }
        try checkParameters(threshold: threshold, proxies: n)
        for f in fragments where f.index < 1 || f.index > n {
            throw .param("fragment index \(f.index) outside 1…\(n)")
        }
    }

    /// `Π φ_k^{λ_k}` with `λ_k = Π_{j≠k} j/(j − k)` (Lagrange at 0 over Fr).
    /// The exponents are public, so variable-time exponentiation is fine.
    static func interpolate(_ fragments: [ReEncryptionFragment]) -> GT {
        var acc = GT.one
        for f in fragments {
            var num = Fr.one
            var den = Fr.one
            for g in fragments where g.index != f.index {
                num *= Fr(UInt64(g.index))
                den *= Fr(UInt64(g.index)) - Fr(UInt64(f.index))
            }
            acc *= f.value.powVartime(num * den.inverse())
        }
        return acc
    }

    // MARK: - Envelope headers

    /// Proxy `k` on a sealed record's header.
    public static func fragment(_ h: SealedHeader1, with share: ReEncryptionKeyShare) throws(ProtocolError) -> ReEncryptionFragment {
        try fragment(h.capsule, with: share)
    }

    /// The delegatee turns a SEALED1 header and `t'` fragments into the SEALED2 header it can open;
    /// the body stays as stored.
    /// `proxies` is n' when known, as in ``combine(_:fragments:proxies:)``.
    public static func combine(_ h: SealedHeader1, fragments: [ReEncryptionFragment],
                               proxies: Int? = nil) throws(ProtocolError) -> SealedHeader2 {
        let c = try combine(h.capsule, fragments: fragments, proxies: proxies)
        return SealedHeader2(delegator: h.owner, delegatee: c.delegatee, recordContext: h.recordContext, c1: h.c1,
                             c2: c.c2, r1: c.r1, r2: c.r2, nonce: h.nonce, bodyLength: h.bodyLength)
    }
}
