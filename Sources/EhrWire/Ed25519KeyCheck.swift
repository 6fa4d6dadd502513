// SPDX-License-Identifier: Apache-2.0

/// Registration-time checks of an Ed25519 public key (RFC 8032 §5.1.3) that OpenSSL's raw
/// key import does not make: canonical y and not a point of small order.
///
/// The first resident of EhrWire (DESIGN.md §6), the bottom module both stacks share: the
/// ledger's node keys and the DKG roster's signing keys are checked by this one function.
public enum Ed25519KeyCheck {
    /// The y coordinates (sign bit cleared, little-endian) of the 8 points of order 1, 2, 4
    /// and 8 of edwards25519: identity (y = 1), (0, −1), (±√−1, 0), and the four points of
    /// order 8 (two y values, each with both signs of x). Comparing y alone also refuses the
    /// non-canonical "x = 0 with sign bit set" encodings of the first two (RFC 8032 §5.1.3
    /// step 4 rejects those).
    private static let smallOrderY: [[UInt8]] = [
        [0x01] + [UInt8](repeating: 0, count: 31),
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
        [UInt8](repeating: 0, count: 32),
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    ]

    /// True when `key` is 32 bytes whose y (the low 255 bits) is canonical, y < p = 2^255 − 19
    /// (RFC 8032 §5.1.3 step 1), and is not one of the small-order points. A node or roster
    /// key of small order lets any signature verify (or a key be shared between "different"
    /// nodes), so such keys are refused where a key is registered, not only at verification.
    public static func isCanonicalAndNotSmallOrder(_ key: [UInt8]) -> Bool {
        guard key.count == 32 else { return false }
        var y = key
        y[31] &= 0x7f
        // y ≥ p ⇔ the top 31 bytes are all 0xff/0x7f and the low byte is ≥ 0xed.
        let atTop = y[31] == 0x7f && y[1..<31].allSatisfy { $0 == 0xff }
        if atTop && y[0] >= 0xed { return false }
        return !smallOrderY.contains(y)
    }

    private static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.utf8.makeIterator()
        while let h = it.next(), let l = it.next() {
            out.append(nibble(h) << 4 | nibble(l))
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8 {
        c >= 0x61 ? c - 0x61 + 10 : c - 0x30
    }
}
