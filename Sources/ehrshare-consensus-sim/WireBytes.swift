// SPDX-License-Identifier: Apache-2.0

/// Big-endian writer and bounds-checked reader for the simulator's own messages (PBFT, PoW).
/// DPoS messages are the ledger's own encodings and do not use these.
struct WireOut {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { for s in stride(from: 8, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt16(s))) } }
    mutating func u32(_ v: UInt32) { for s in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) } }
    mutating func u64(_ v: UInt64) { for s in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) } }
    mutating func raw(_ v: [UInt8]) { bytes += v }
    /// Length-prefixed (u32) bytes.
    mutating func blob(_ v: [UInt8]) {
        u32(UInt32(v.count))
        bytes += v
    }
}

struct WireIn {
    private let bytes: [UInt8]
    private(set) var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func raw(_ n: Int) -> [UInt8]? {
        guard n >= 0, bytes.count - offset >= n else { return nil }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }

    mutating func uint(_ n: Int) -> UInt64? {
        guard let b = raw(n) else { return nil }
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func u8() -> UInt8? { uint(1).map { UInt8($0) } }
    mutating func u16() -> UInt16? { uint(2).map { UInt16($0) } }
    mutating func u32() -> UInt32? { uint(4).map { UInt32($0) } }
    mutating func u64() -> UInt64? { uint(8) }

    mutating func blob(max: Int = 1 << 24) -> [UInt8]? {
        guard let n = u32(), Int(n) <= max else { return nil }
        return raw(Int(n))
    }
}
