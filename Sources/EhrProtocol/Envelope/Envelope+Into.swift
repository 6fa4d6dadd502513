// SPDX-License-Identifier: Apache-2.0

/// Memory the caller owns as envelope source and sink, so that a C caller's
/// plaintext is sealed straight from its buffer into its output buffer (and
/// opened likewise) through the streaming code path, without the record
/// being copied into, between and out of Swift arrays (issue #11 item 4).
/// The bytes are the same as `Envelope.seal`/`open` produce: both paths run
/// the one chunked AEAD of PROTOCOL.md §7.

/// Reads from memory borrowed for the duration of one call (no copy).
public struct BorrowedBytesSource: EnvelopeSource {
    public let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0, let from = bytes.baseAddress, let to = buffer.baseAddress else { return 0 }
        to.copyMemory(from: from + offset, byteCount: n)
        offset += n
        return n
    }
}

/// Writes into a fixed buffer borrowed for one call. Writing past its end is
/// refused (`ProtocolError.length`), never a memory overrun: the callers size
/// the buffer from the header before writing, so this is a second fence.
public struct BorrowedBufferSink: EnvelopeSink {
    public let buffer: UnsafeMutableRawBufferPointer
    public private(set) var written: Int = 0

    public init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count <= buffer.count - written else {
            throw ProtocolError.length("output of \(buffer.count) bytes is full")
        }
        guard bytes.count > 0, let from = bytes.baseAddress, let to = buffer.baseAddress else { return }
        (to + written).copyMemory(from: from, byteCount: bytes.count)
        written += bytes.count
    }

    /// Overwrites everything written so far with zeros: on failure the output
    /// may hold plaintext chunks that were verified before a later chunk
    /// failed, and a caller must not be left with a partial record.
    public mutating func wipe() {
        if written > 0, let to = buffer.baseAddress {
            to.initializeMemory(as: UInt8.self, repeating: 0, count: written)
        }
        written = 0
    }
}
