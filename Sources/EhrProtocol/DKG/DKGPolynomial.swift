// SPDX-License-Identifier: Apache-2.0

import EhrField

/// A polynomial over Fr, f(z) = Σ_k c_k·z^k, with the Shamir/Lagrange helpers of
/// PROTOCOL.md §4–§5. For a dealer's secret polynomials f_i and f'_i the coefficients are
/// secret: evaluation uses only Fr arithmetic, which is branch-free, and `wipe()` overwrites
/// them when the dealer is done (GJKR 2007, Fig. 2, step 1).
struct DKGPolynomial: Sendable {
    /// Coefficients c_0..c_{t−1}, constant term first.
    private(set) var coefficients: [Fr]

    init(coefficients: [Fr]) {
        self.coefficients = coefficients
    }

    /// A uniformly random polynomial of degree `degree` (t − 1).
    /// - Throws: `ProtocolError.random` if OpenSSL's generator fails.
    static func random(degree: Int) throws(ProtocolError) -> DKGPolynomial {
        var c: [Fr] = []
        c.reserveCapacity(degree + 1)
        for _ in 0...degree {
            do { c.append(try Fr.random()) } catch { throw .random }
        }
        return DKGPolynomial(coefficients: c)
    }

    /// f(x) by Horner's rule (x is a public index; the arithmetic is constant time in f).
    func evaluate(at x: Fr) -> Fr {
        var acc = Fr.zero
        for c in coefficients.reversed() { acc = acc * x + c }
        return acc
    }

    /// f(j) for an authority index j.
    func evaluate(at j: UInt16) -> Fr { evaluate(at: Fr(UInt64(j))) }

    /// Overwrites every coefficient with zero (best effort: Swift may have copied the array,
    /// but this storage no longer holds the secret).
    mutating func wipe() {
        for k in coefficients.indices { coefficients[k] = .zero }
        coefficients.removeAll()
    }

    // MARK: - Lagrange (public indices)

    /// Lagrange coefficients at zero for the distinct non-zero indices S:
    /// λ_i = Π_{j∈S, j≠i} j / (j − i) mod r (PROTOCOL.md §5). The indices are public.
    /// Returns nil if the indices are not distinct and non-zero.
    static func lagrangeAtZero(_ indices: [UInt16]) -> [Fr]? {
        guard Set(indices).count == indices.count, !indices.contains(0) else { return nil }
        let xs = indices.map { Fr(UInt64($0)) }
        var out: [Fr] = []
        out.reserveCapacity(xs.count)
        for (a, xi) in xs.enumerated() {
            var num = Fr.one
            var den = Fr.one
            for (b, xj) in xs.enumerated() where b != a {
                num *= xj
                den *= xj - xi
            }
            out.append(num * den.inverse())
        }
        return out
    }

    /// The unique polynomial of degree < |points| through the points (x_k, y_k), by summing
    /// Lagrange basis polynomials; x_k distinct and non-zero. Used to recover the polynomial
    /// of a qualified dealer who cheated in phase 2 (PROTOCOL.md §4 step 7; GJKR 2007 Fig. 2,
    /// step 4(c)): its coefficients then become public. Returns nil for repeated x values.
    static func interpolate(_ points: [(x: UInt16, y: Fr)]) -> DKGPolynomial? {
        let xs = points.map { Fr(UInt64($0.x)) }
        guard Set(points.map(\.x)).count == points.count, !points.contains(where: { $0.x == 0 }) else { return nil }
        let m = points.count
        var result = [Fr](repeating: .zero, count: m)
        for a in 0..<m {
            // basis(z) = Π_{b≠a} (z − x_b) / (x_a − x_b), built coefficient by coefficient.
            var basis: [Fr] = [.one]
            var den = Fr.one
            for b in 0..<m where b != a {
                var next = [Fr](repeating: .zero, count: basis.count + 1)
                for (k, c) in basis.enumerated() {
                    next[k + 1] += c
                    next[k] -= c * xs[b]
                }
                basis = next
                den *= xs[a] - xs[b]
            }
            let scale = points[a].y * den.inverse()
            for k in 0..<m { result[k] += basis[k] * scale }
        }
        return DKGPolynomial(coefficients: result)
    }
}
