// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// The proof-of-work puzzle: SHA-256 of an 82-byte header
/// (height u64 ‖ prev[32] ‖ miner u16 ‖ merkle[32] ‖ nonce u64); solved when the first 8 bytes
/// of the digest, big-endian, are below `target` (≈ log2(2^64 / target) leading zero bits).
/// Each attempt is one real SHA-256 (EhrWire's, through libcrypto).
struct PoWHeader {
    static let size = 82
    var height: UInt64
    var previous: [UInt8]
    var miner: UInt16
    var merkle: [UInt8]
    var nonce: UInt64

    var encoded: [UInt8] {
        var w = WireWriter()
        w.u64(height)
        w.raw(previous)
        w.u16(miner)
        w.raw(merkle)
        w.u64(nonce)
        return w.bytes
    }

    static func digest(_ header: [UInt8]) -> [UInt8] {
        SHA256.hash(header)
    }

    static func meets(_ digest: [UInt8], target: UInt64) -> Bool {
        digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } < target
    }

    /// Tries `count` nonces from `start`; returns the first solving nonce. The header buffer is
    /// reused so the loop measures hashing, not allocation.
    static func search(_ header: [UInt8], from start: UInt64, count: UInt64, target: UInt64) -> UInt64? {
        var buffer = header
        var out = [UInt8](repeating: 0, count: 32)
        for k in 0..<count {
            let nonce = start &+ k
            var found = false
            buffer.withUnsafeMutableBytes { b in
                for i in 0..<8 { b[size - 1 - i] = UInt8(truncatingIfNeeded: nonce >> UInt64(8 * i)) }
                out.withUnsafeMutableBytes { o in
                    guard SHA256.hash(UnsafeRawBufferPointer(b), into: o) else { return }
                    var v: UInt64 = 0
                    for i in 0..<8 { v = v << 8 | UInt64(o[i]) }
                    found = v < target
                }
            }
            if found { return nonce }
        }
        return nil
    }
}
