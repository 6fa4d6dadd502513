// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the streaming envelope APIs read bytes from (a file, a socket, a
/// memory buffer). The envelope reads at most one 64 KiB chunk at a time, so a
/// 1 GiB record never sits in memory.
public protocol EnvelopeSource {
    /// Reads up to `buffer.count` bytes into `buffer`.
    /// - Returns: the number of bytes read; 0 only at the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Where the streaming envelope APIs write bytes to.
public protocol EnvelopeSink {
    /// Writes all of `bytes` (or throws).
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension EnvelopeSource {
    /// Reads until `buffer` is full or the input ends.
    /// - Returns: the number of bytes read (less than `buffer.count` only at the end).
    mutating func readFully(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if n <= 0 { break }
            filled += n
        }
        return filled
    }

    /// Reads exactly `count` bytes.
    /// - Throws: `ProtocolError.length` if the input ends first.
    mutating func readExactly(_ count: Int, _ what: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let got = try out.withUnsafeMutableBytes { try readFully(into: $0) }
        guard got == count else { throw ProtocolError.length("truncated \(what): need \(count) bytes, got \(got)") }
        return out
    }
}

extension EnvelopeSink {
    mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// An I/O failure of a file-descriptor source or sink (errno), kept apart
/// from ``ProtocolError`` because it says nothing about the data.
public struct EnvelopeIOError: Error, Sendable, Equatable {
    public let errno: Int32
    public let operation: String
}

/// Reads from a POSIX file descriptor (not closed by this type).
public struct FileDescriptorSource: EnvelopeSource {
    public let fd: Int32
    /// Uses `fd` as is; the caller opens and closes it.
    public init(fd: Int32) { self.fd = fd }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw EnvelopeIOError(errno: errno, operation: "read")
        }
    }
}

/// Writes to a POSIX file descriptor (not closed by this type), retrying
/// partial writes and EINTR.
public struct FileDescriptorSink: EnvelopeSink {
    public let fd: Int32
    /// Uses `fd` as is; the caller opens and closes it.
    public init(fd: Int32) { self.fd = fd }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress?.advanced(by: done), bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw EnvelopeIOError(errno: errno, operation: "write")
            }
        }
    }
}

/// Reads from an in-memory byte array.
public struct ByteArraySource: EnvelopeSource {
    public let bytes: [UInt8]
    public private(set) var offset: Int = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            guard let from = src.baseAddress, let to = buffer.baseAddress else { return }
            to.copyMemory(from: from + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// Collects output in memory.
public struct ByteArraySink: EnvelopeSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public mutating func write(_ b: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: b) }
}
