// SPDX-License-Identifier: Apache-2.0

/// Big-endian reader that never traps: every read past the end returns nil.
struct ByteReader {
    private let data: [UInt8]
    private var offset = 0

    init(_ data: [UInt8]) { self.data = data }

    var atEnd: Bool { offset == data.count }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, data.count - offset >= n else { return nil }
        defer { offset += n }
        return Array(data[offset..<offset + n])
    }

    mutating func u8() -> UInt8? { bytes(1).map { $0[0] } }
    mutating func u16() -> UInt16? { bytes(2).map { UInt16($0[0]) << 8 | UInt16($0[1]) } }
    mutating func u32() -> UInt32? { bytes(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } } }
    mutating func u64() -> UInt64? { bytes(8).map { $0.reduce(0) { $0 << 8 | UInt64($1) } } }
}
