#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates the unrolled limb kernels and constants of EhrField.

    python3 scripts/gen_field_kernels.py Sources/EhrField

writes FpArithmetic.swift, FrArithmetic.swift, FpWide.swift and TowerFrobenius.swift. Constants are
computed here with Python big integers; the Swift tests recompute them independently with GMP.
"""
import os
import sys

p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab
r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001
def limbs(x, n): return [(x >> (64*i)) & (2**64-1) for i in range(n)]
def hx(v): return "0x%016x" % v


def mont_mul(n, mod, name):
    P = limbs(mod, n)
    inv = (-pow(mod, -1, 2**64)) % 2**64
    L = []
    e = L.append
    e(f"        var A: UInt64 = 0, C: UInt64 = 0, m: UInt64 = 0")
    e("        var " + ", ".join(f"t{j}: UInt64 = 0" for j in range(n)))
    for i in range(n):
        e(f"        // Row {i}: t += a·b{i}, then t = (t + m·{name})/2^64.")
        if i == 0:
            e(f"        (A, t0) = a.l0.multipliedFullWidth(by: b.l0)")
        else:
            e(f"        (A, t0) = mulAdd(a.l0, b.l{i}, t0)")
        e(f"        m = t0 &* {hx(inv)}")
        e(f"        C = mulAdd(m, {hx(P[0])}, t0).hi")
        for j in range(1, n):
            if i == 0:
                e(f"        (A, t{j}) = mulAdd(a.l{j}, b.l0, A)")
            else:
                e(f"        (A, t{j}) = mulAdd2(a.l{j}, b.l{i}, t{j}, A)")
            e(f"        (C, t{j-1}) = mulAdd2(m, {hx(P[j])}, t{j}, C)")
        e(f"        t{n-1} = C &+ A")
    return L, inv


def cond_sub(n, mod, src, dst_ctor):
    # t < 2·mod: subtract mod, keep the original if it borrowed (branch-free mask select).
    P = limbs(mod, n)
    L = []
    e = L.append
    e(f"        var bw: UInt64 = 0")
    e("        var " + ", ".join(f"d{j}: UInt64 = 0" for j in range(n)))
    for j in range(n):
        e(f"        (d{j}, bw) = subBorrow({src}{j}, {hx(P[j])}, bw)")
    e(f"        let keep = 0 &- bw  // all ones when {src} < modulus")
    e(f"        return {dst_ctor}(")
    for j in range(n):
        sep = "," if j < n - 1 else ""
        e(f"            l{j}: d{j} ^ ((d{j} ^ {src}{j}) & keep){sep}")
    e(f"        )")
    return L


def mont_square(n, mod, name):
    # Full 2n-limb square (off-diagonal products once, doubled), then word-by-word Montgomery reduction.
    P = limbs(mod, n)
    inv = (-pow(mod, -1, 2**64)) % 2**64
    L = []; e = L.append
    e("        var " + ", ".join(f"w{k}: UInt64 = 0" for k in range(n)))
    e("        var " + ", ".join(f"w{k}: UInt64 = 0" for k in range(n, 2*n)))
    e("        var c: UInt64 = 0, h: UInt64 = 0")
    # off-diagonal: for i<j accumulate a_i a_j at w_{i+j}
    for i in range(n):
        e(f"        // a{i}·a{{{i+1}..{n-1}}}")
        if i + 1 >= n: continue
        e("        c = 0")
        for j in range(i+1, n):
            e(f"        (c, w{i+j}) = mulAdd2(a.l{i}, a.l{j}, w{i+j}, c)")
        e(f"        w{i+n} = c")
    e("        // Double the off-diagonal sum.")
    e(f"        w{2*n-1} = w{2*n-2} >> 63")
    for k in range(2*n-2, 1, -1):
        e(f"        w{k} = (w{k} << 1) | (w{k-1} >> 63)")
    e("        w1 = w1 << 1")
    e("        // Add the squares a_i² on the diagonal.")
    e("        c = 0")
    for i in range(n):
        e(f"        (h, w{2*i}) = mulAdd2(a.l{i}, a.l{i}, w{2*i}, c)")
        e(f"        (w{2*i+1}, c) = addCarry(w{2*i+1}, h, 0)")
    e("        // Montgomery reduction, one word at a time; carries of row i are deferred into w_{i+n}.")
    e("        var m: UInt64 = 0, carry: UInt64 = 0")
    for i in range(n):
        e(f"        m = w{i} &* {hx(inv)}")
        e(f"        c = mulAdd(m, {hx(P[0])}, w{i}).hi")
        for j in range(1, n):
            e(f"        (c, w{i+j}) = mulAdd2(m, {hx(P[j])}, w{i+j}, c)")
        e(f"        (w{i+n}, carry) = addCarry(w{i+n}, c, carry)")
    return L, [f"w{k}" for k in range(n, 2*n)]

def add_sub(n, mod, T):
    P = limbs(mod, n)
    out = []
    e = out.append
    z = lambda pfx: "var " + ", ".join(f"{pfx}{j}: UInt64 = 0" for j in range(n))
    # add
    e(f"    /// Modular addition; branch-free (the conditional subtraction of the modulus uses a mask).")
    e(f"    @inlinable")
    e(f"    public static func + (a: {T}, b: {T}) -> {T} {{")
    e(f"        // a, b < modulus < 2^{64*n-1}, so the sum fits in {n} limbs without a carry out.")
    e(f"        var c: UInt64 = 0")
    e(f"        {z('t')}")
    for j in range(n):
        e(f"        (t{j}, c) = addCarry(a.l{j}, b.l{j}, c)")
    out.extend(cond_sub(n, mod, "t", T))
    e("    }")
    e("")
    e(f"    /// Modular subtraction; adds the modulus back under a borrow mask instead of a branch.")
    e(f"    @inlinable")
    e(f"    public static func - (a: {T}, b: {T}) -> {T} {{")
    e(f"        var bw: UInt64 = 0")
    e(f"        {z('d')}")
    for j in range(n):
        e(f"        (d{j}, bw) = subBorrow(a.l{j}, b.l{j}, bw)")
    e(f"        let fix = 0 &- bw  // all ones when a < b")
    e(f"        var c: UInt64 = 0")
    e(f"        {z('s')}")
    for j in range(n):
        e(f"        (s{j}, c) = addCarry(d{j}, {hx(P[j])} & fix, c)")
    e(f"        return {T}(" + ", ".join(f"l{j}: s{j}" for j in range(n)) + ")")
    e("    }")
    e("")
    e(f"    /// Additive inverse: modulus − a, masked to zero when a = 0 so that −0 = 0 stays canonical.")
    e(f"    @inlinable")
    e(f"    public static prefix func - (a: {T}) -> {T} {{")
    e(f"        let nz = nonZeroMask(" + " | ".join(f"a.l{j}" for j in range(n)) + ")")
    e(f"        var bw: UInt64 = 0")
    e(f"        {z('d')}")
    for j in range(n):
        e(f"        (d{j}, bw) = subBorrow({hx(P[j])}, a.l{j}, bw)")
    e(f"        return {T}(" + ", ".join(f"l{j}: d{j} & nz" for j in range(n)) + ")")
    e("    }")
    return out


def mul_fn(n, mod, T, name):
    out = []; e = out.append
    e(f"    /// Montgomery multiplication: returns a·b·R⁻¹ mod {name}, i.e. the product of the represented values.")
    e(f"    ///")
    e(f"    /// CIOS (Koç, Acar, Kaliski, \"Analyzing and comparing Montgomery multiplication algorithms\", 1996)")
    e(f"    /// in the variant without the extra carry word from the gnark-crypto/goff authors (\"Faster Montgomery")
    e(f"    /// multiplication\", ConsenSys, 2020): it applies because the top limb of {name} is below (2⁶⁴−1)/2 − 1,")
    e(f"    /// so every intermediate t stays below 2·{name} < 2^{64*n}. Fully unrolled, branch-free.")
    e(f"    @inlinable")
    # Fp's operators dispatch to the MULX/ADX kernel (FpKernel.swift); these stay the portable path.
    e(f"    public static func portableProduct(_ a: {T}, _ b: {T}) -> {T} {{" if T == "Fp" else f"    public static func * (a: {T}, b: {T}) -> {T} {{")
    L, inv = mont_mul(n, mod, name)
    out.extend(L)
    out.extend(cond_sub(n, mod, "t", T))
    e("    }")
    e("")
    e(f"    /// Squaring: the {n*(n-1)//2} off-diagonal products are computed once and doubled, then the")
    e(f"    /// {2*n}-limb square is Montgomery-reduced word by word (separated operand scanning).")
    e(f"    @inlinable")
    e(f"    public func portableSquared() -> {T} {{" if T == "Fp" else f"    public func squared() -> {T} {{")
    e(f"        let a = self")
    L, w = mont_square(n, mod, name)
    out.extend(L)
    # final cond sub on w_n..w_{2n-1}
    P = limbs(mod, n)
    e(f"        // The reduced value is below 2·{name}; one masked subtraction makes it canonical.")
    for j in range(n):
        e(f"        let t{j} = w{j+n}")
    out.extend(cond_sub(n, mod, "t", T))
    e("    }")
    return out

def arithmetic_file(which):
    lines = []
    pr = lines.append
    n, mod, T, name = (6, p, "Fp", "p") if which == "fp" else (4, r, "Fr", "r")
    pr("// SPDX-License-Identifier: Apache-2.0")
    pr("")
    pr(f"// Unrolled, branch-free limb kernels for {T}: addition, subtraction, negation, Montgomery")
    pr(f"// multiplication and squaring. The literal constants are the limbs of {name} (little-endian) and")
    pr(f"// −{name}⁻¹ mod 2⁶⁴ (computed with Python big integers); the tests check every result against GMP.")
    pr(f"// Generated by a small script from the formulas documented on each function, not edited by hand.")
    pr("")
    pr(f"extension {T} {{")
    pr("\n".join(add_sub(n, mod, T)))
    pr("")
    pr("\n".join(mul_fn(n, mod, T, name)))
    pr("}")
    return "\n".join(lines) + "\n"


def wide_file():
    n = 6
    P = limbs(p, n)
    inv = (-pow(p, -1, 2**64)) % 2**64
    out = []
    e = out.append
    W = lambda pre: ", ".join(f"{pre}{k}" for k in range(2*n))
    e("""// SPDX-License-Identifier: Apache-2.0

/// An unreduced double-width value (12 limbs, little-endian) for lazy reduction in the tower.
///
/// Products of Fp elements are kept at full width, added and subtracted there, and reduced once with
/// `montgomeryReduced()` (Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing
/// pairings over ordinary curves", EUROCRYPT 2011, §3). The value represented is w·R⁻¹ mod p when
/// reduced. Callers keep the integer below p·R = p·2³⁸⁴ so that one reduction lands below 2p, which a
/// single masked subtraction fixes; the Fp2 and Fp6 formulas in this module document their bounds.
public struct FpWide: Sendable {
    /// Limbs, least significant first.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, w4: UInt64, w5: UInt64
    /// Limbs 6–11.
    public var w6: UInt64, w7: UInt64, w8: UInt64, w9: UInt64, w10: UInt64, w11: UInt64

    /// Creates a value from its twelve limbs.
    @inlinable @inline(__always)
    public init(
        """ + ", ".join(f"w{k}: UInt64" for k in range(n)) + """,
        """ + ", ".join(f"w{k}: UInt64" for k in range(n, 2*n)) + """
    ) {""")
    for k in range(2*n):
        e(f"        self.w{k} = w{k}")
    e("    }")
    e("")
    # mulWide
    def product(a, b, name):
        e(f"    /// The exact 768-bit product of the Montgomery limbs (operands may be any 6-limb values,")
        e(f"    /// e.g. unreduced sums below 2p). Operand scanning, 36 word multiplications, no reduction.")
        e(f"    @inlinable")
        e(f"    public static func {name}(_ a: Fp, _ b: Fp) -> FpWide {{")
        e("        var " + ", ".join(f"w{k}: UInt64 = 0" for k in range(n)))
        e("        var " + ", ".join(f"w{k}: UInt64 = 0" for k in range(n, 2*n)))
        e("        var c: UInt64 = 0")
        for i in range(n):
            e("        c = 0")
            for j in range(n):
                if i == 0:
                    e(f"        (c, w{i+j}) = mulAdd(a.l{j}, b.l{i}, c)")
                else:
                    e(f"        (c, w{i+j}) = mulAdd2(a.l{j}, b.l{i}, w{i+j}, c)")
            e(f"        w{i+n} = c")
        e(f"        return FpWide(")
        e("            " + ", ".join(f"w{k}: w{k}" for k in range(n)) + ",")
        e("            " + ", ".join(f"w{k}: w{k}" for k in range(n, 2*n)))
        e("        )")
        e("    }")
    product("a", "b", "product")
    e("")
    e("    /// Montgomery reduction: returns w·R⁻¹ mod p, fully reduced, for w < p·R.")
    e("    ///")
    e("    /// Word-by-word REDC (Montgomery 1985; Koç et al. 1996, SOS), carries of row i deferred into")
    e("    /// w_(i+6); the result is below 2p and one masked subtraction makes it canonical.")
    e("    @inlinable")
    e("    public func montgomeryReduced() -> Fp {")
    e("        var " + ", ".join(f"w{k} = self.w{k}" for k in range(n)))
    e("        var " + ", ".join(f"w{k} = self.w{k}" for k in range(n, 2*n)))
    e("        var c: UInt64 = 0, m: UInt64 = 0, carry: UInt64 = 0")
    for i in range(n):
        e(f"        m = w{i} &* {hx(inv)}")
        e(f"        c = mulAdd(m, {hx(P[0])}, w{i}).hi")
        for j in range(1, n):
            e(f"        (c, w{i+j}) = mulAdd2(m, {hx(P[j])}, w{i+j}, c)")
        e(f"        (w{i+n}, carry) = addCarry(w{i+n}, c, carry)")
    e("        _ = (w0, w1, w2, w3, w4, w5)")
    for j in range(n):
        e(f"        let t{j} = w{j+n}")
    out.extend(cond_sub(n, p, "t", "Fp"))
    e("    }")
    e("")
    # add / sub exact
    for op, fn, lab in (("+", "addCarry", "Plain 768-bit addition (no modular correction); the caller keeps the sum below 2⁷⁶⁸."),
                        ("-", "subBorrow", "Plain 768-bit subtraction (no modular correction); the caller guarantees a ≥ b.")):
        e(f"    /// {lab}")
        e(f"    @inlinable")
        e(f"    public static func {op} (a: FpWide, b: FpWide) -> FpWide {{")
        e("        var c: UInt64 = 0")
        e("        var " + ", ".join(f"r{k}: UInt64 = 0" for k in range(n)))
        e("        var " + ", ".join(f"r{k}: UInt64 = 0" for k in range(n, 2*n)))
        for k in range(2*n):
            e(f"        (r{k}, c) = {fn}(a.w{k}, b.w{k}, c)")
        e(f"        return FpWide(")
        e("            " + ", ".join(f"w{k}: r{k}" for k in range(n)) + ",")
        e("            " + ", ".join(f"w{k}: r{k}" for k in range(n, 2*n)))
        e("        )")
        e("    }")
        e("")
    e("    /// Subtraction modulo p·R: a − b, plus p·2³⁸⁴ (p added to the upper half) when it borrows.")
    e("    /// For a, b < p·R the result is again below p·R and represents a − b after reduction.")
    e("    @inlinable")
    e("    public static func subModPR(_ a: FpWide, _ b: FpWide) -> FpWide {")
    e("        var bw: UInt64 = 0")
    e("        var " + ", ".join(f"r{k}: UInt64 = 0" for k in range(n)))
    e("        var " + ", ".join(f"r{k}: UInt64 = 0" for k in range(n, 2*n)))
    for k in range(2*n):
        e(f"        (r{k}, bw) = subBorrow(a.w{k}, b.w{k}, bw)")
    e("        let fix = 0 &- bw")
    e("        var c: UInt64 = 0")
    for k in range(n, 2*n):
        e(f"        (r{k}, c) = addCarry(r{k}, {hx(P[k-n])} & fix, c)")
    e(f"        return FpWide(")
    e("            " + ", ".join(f"w{k}: r{k}" for k in range(n)) + ",")
    e("            " + ", ".join(f"w{k}: r{k}" for k in range(n, 2*n)))
    e("        )")
    e("    }")
    e("}")
    e("")
    e("extension Fp {")
    e("    /// Plain 6-limb addition without reduction, for operands whose sum stays below 2³⁸⁴ (two")
    e("    /// canonical elements give a sum below 2p < 2³⁸²). Only for feeding `FpWide.product`.")
    e("    @inlinable")
    e("    public func addUnreduced(_ b: Fp) -> Fp {")
    e("        var c: UInt64 = 0")
    e("        var " + ", ".join(f"r{k}: UInt64 = 0" for k in range(n)))
    for k in range(n):
        e(f"        (r{k}, c) = addCarry(l{k}, b.l{k}, c)")
    e(f"        return Fp({', '.join(f'l{k}: r{k}' for k in range(n))})")
    e("    }")
    e("}")
    return "\n".join(out) + "\n"


def frobenius_file():
    R = 2**384
    def m2(a, b): return ((a[0]*b[0]-a[1]*b[1]) % p, (a[0]*b[1]+a[1]*b[0]) % p)
    def pw(a, e):
        res = (1, 0)
        while e:
            if e & 1: res = m2(res, a)
            a = m2(a, a); e >>= 1
        return res
    xi = (1, 1)
    d = {}
    for k in (1, 2, 3):
        pk = p**k
        assert (pk - 1) % 6 == 0
        d['v'+str(k)] = pw(xi, (pk-1)//3); d['v2'+str(k)] = pw(xi, 2*(pk-1)//3); d['w'+str(k)] = pw(xi, (pk-1)//6)
    lines = []
    pr = lines.append
    def fp(x, ind):
        L=limbs(x*R%p,6)
        return "Fp(\n" + ",\n".join(f"{ind}    l{j}: {hx(L[j])}" for j in range(6)) + f"\n{ind})"
    def fp2(v, ind="            "):
        return f"Fp2(\n{ind}    c0: {fp(v[0], ind+'    ')},\n{ind}    c1: {fp(v[1], ind+'    ')}\n{ind})"
    pr("// SPDX-License-Identifier: Apache-2.0")
    pr("")
    pr("// MARK: - Frobenius coefficients of the tower")
    pr("//")
    pr("// With ξ = 1 + u, v³ = ξ and w² = v (so w⁶ = ξ), the p^k-power Frobenius map sends")
    pr("//   v ↦ v·ξ^((p^k−1)/3),  v² ↦ v²·ξ^(2(p^k−1)/3),  w ↦ w·ξ^((p^k−1)/6),")
    pr("// and acts on Fp2 coefficients as conjugation when k is odd. The constants below are these powers of")
    pr("// ξ for k = 1, 2, 3 in Montgomery form, computed with Python big integers; the tests check every")
    pr("// Frobenius map against exponentiation by p^k.")
    pr("")
    pr("@usableFromInline")
    pr("internal enum TowerFrobenius {")
    names={'v':'fp6C1','v2':'fp6C2','w':'fp12C1'}
    docs={'v':'ξ^((p^{k}−1)/3), the factor of the v coefficient in Fp6.','v2':'ξ^(2(p^{k}−1)/3), the factor of the v² coefficient in Fp6.','w':'ξ^((p^{k}−1)/6), the factor of the w coefficient in Fp12.'}
    for key in ['v','v2','w']:
        for k in (1,2,3):
            pr(f"    /// {docs[key].replace('{k}', str(k))}")
            pr(f"    @inlinable")
            pr(f"    static var {names[key]}Power{k}: Fp2 {{")
            pr(f"        {fp2(d[key+str(k)], '        ')}")
            pr(f"    }}")
            pr("")
    pr("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__" and (len(sys.argv) < 2 or sys.argv[1] != "--asm"):
    out = sys.argv[1] if len(sys.argv) > 1 else "Sources/EhrField"
    files = {
        "FpArithmetic.swift": arithmetic_file("fp"),
        "FrArithmetic.swift": arithmetic_file("fr"),
        "FpWide.swift": wide_file(),
        "TowerFrobenius.swift": frobenius_file(),
    }
    for name, text in files.items():
        with open(os.path.join(out, name), "w") as f:
            f.write(text)


# --- MULX/ADCX/ADOX kernel (x86-64, Intel syntax) -------------------------------------------
# python3 scripts/gen_field_kernels.py --asm Sources/CEhrFieldAsm/fp_mulx.S
# CIOS Montgomery multiplication (Koç, Acar, Kaliski 1996) with two independent carry chains per
# row: ADCX carries the low halves, ADOX the high halves (Gueron, Krasnov, "Fast prime field elliptic
# curve cryptography with 256-bit primes", 2014 §4; Intel white paper 327831). The final conditional
# subtraction selects by an SBB mask, never a branch or CMOV, so memcheck's CT check sees pure data flow.
def asm_file():
    P = limbs(p, 6)
    inv = (-pow(p, -1, 2**64)) % 2**64
    L = []
    e = L.append
    e("// SPDX-License-Identifier: Apache-2.0")
    e("// Generated by scripts/gen_field_kernels.py --asm; do not edit by hand.")
    e("#if defined(__x86_64__) && defined(__ELF__)")
    e("    .intel_syntax noprefix")
    e("    .section .rodata")
    e("    .p2align 3")
    e(".Lp:")
    for w in P:
        e(f"    .quad {hx(w)}")
    e(".Linv:")
    e(f"    .quad {hx(inv)}")
    e("    .text")

    def row(T, i):
        if i == 0:
            e("    mov rdx, [rcx]")
            e(f"    mulx {T[1]}, {T[0]}, [rsi]")
            for j in range(1, 6):
                e(f"    mulx {T[j+1]}, rax, [rsi+{8*j}]")
                e(f"    {'add' if j == 1 else 'adc'} {T[j]}, rax")
            e(f"    adc {T[6]}, r15")
        else:
            e(f"    mov rdx, [rcx+{8*i}]")
            e("    xor eax, eax")
            for j in range(6):
                e(f"    mulx rbx, rax, [rsi+{8*j}]")
                e(f"    adcx {T[j]}, rax")
                e(f"    adox {T[j+1]}, rbx")
            e(f"    adcx {T[6]}, r15")
        # Reduction: m = t0·(−p⁻¹) mod 2⁶⁴, t += m·p; t0 becomes 0 and the register is reused as
        # the next row's fresh top limb. t + m·p < 2⁴⁴⁸, so dropping carries out of T6 is exact.
        e(f"    mov rdx, {T[0]}")
        e("    imul rdx, [rip+.Linv]")
        e("    xor eax, eax")
        for j in range(6):
            e(f"    mulx rbx, rax, [rip+.Lp+{8*j}]")
            e(f"    adcx {T[j]}, rax")
            e(f"    adox {T[j+1]}, rbx")
        e(f"    adcx {T[6]}, r15")
        return T[1:] + T[:1]

    for name, entry in (("ehrfk_fp_sqr_mulx", "    mov rdx, rsi"), ("ehrfk_fp_mul_mulx", None)):
        e(f"    .globl {name}")
        e(f"    .hidden {name}")
        e(f"    .type {name}, @function")
    e("    .p2align 4")
    e("ehrfk_fp_sqr_mulx:  // (r, a): r = a·a·R⁻¹ mod p; shares the product rows with the multiplication")
    e("    mov rdx, rsi")
    e("ehrfk_fp_mul_mulx:  // (r, a, b): r = a·b·R⁻¹ mod p, inputs and output fully reduced")
    for reg in ("rbx", "r12", "r13", "r14", "r15"):
        e(f"    push {reg}")
    e("    mov rcx, rdx")
    e("    xor r15d, r15d")
    T = ["r8", "r9", "r10", "r11", "r12", "r13", "r14"]
    for i in range(6):
        T = row(T, i)
    # t < 2p: d = t − p; the borrow mask keeps t when t < p.
    D = ["rax", "rbx", "rdx", "rcx", "rsi", T[6]]
    for j in range(6):
        e(f"    mov {D[j]}, {T[j]}")
        e(f"    {'sub' if j == 0 else 'sbb'} {D[j]}, [rip+.Lp+{8*j}]")
    e("    sbb r15, r15")
    for j in range(6):
        e(f"    xor {T[j]}, {D[j]}")
        e(f"    and {T[j]}, r15")
        e(f"    xor {T[j]}, {D[j]}")
        e(f"    mov [rdi+{8*j}], {T[j]}")
    for reg in ("r15", "r14", "r13", "r12", "rbx"):
        e(f"    pop {reg}")
    e("    ret")
    e("    .size ehrfk_fp_mul_mulx, .-ehrfk_fp_mul_mulx")
    e("    .size ehrfk_fp_sqr_mulx, .-ehrfk_fp_sqr_mulx")
    e("#endif")
    e('#if defined(__ELF__)')
    e('    .section .note.GNU-stack,"",@progbits')
    e("#endif")
    return "\n".join(L) + "\n"


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[1] == "--asm":
    with open(sys.argv[2], "w") as f:
        f.write(asm_file())
