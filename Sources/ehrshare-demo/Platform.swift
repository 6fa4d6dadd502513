// SPDX-License-Identifier: Apache-2.0
import Glibc

/// The little operating-system surface the demo needs, through Glibc (no Foundation in
/// Sources/): clocks, a fresh temporary directory, whole-file reads and writes.
enum Platform {
    /// Monotonic nanoseconds, for step timings.
    static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Wall-clock Unix milliseconds (the genesis time of the demo chain).
    static func unixMillis() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates a fresh private directory under $TMPDIR (or /tmp).
    static func makeTemporaryDirectory() throws(Failure) -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/ehrshare-demo-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf -> Bool in
            guard let p = buf.baseAddress else { return false }
            return mkdtemp(p) != nil
        }
        guard made else { throw Failure(description: "mkdtemp in \(base) failed (errno \(errno))") }
        return template.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { String(cString: $0) } ?? base
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Reads a whole file.
    static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw Failure(description: "cannot open \(path) (errno \(errno))") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                guard ferror(f) == 0 else { throw Failure(description: "cannot read \(path)") }
                return out
            }
        }
    }

    /// Writes a whole file (replacing it) and flushes it to disk.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        guard let f = fopen(path, "wb") else { throw Failure(description: "cannot create \(path) (errno \(errno))") }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        let flushed = fflush(f) == 0 && fsync(fileno(f)) == 0
        fclose(f)
        guard written == bytes.count, flushed else { throw Failure(description: "cannot write \(path)") }
    }

    /// The directory holding this executable (from /proc/self/exe), to find the shipped data
    /// when the demo is not started from the repository root.
    static func executableDirectory() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBufferPointer { b -> Int in
            guard let base = b.baseAddress else { return -1 }
            return readlink("/proc/self/exe", base, b.count - 1)
        }
        guard n > 0 else { return nil }
        let path = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}

/// Lower-case hex, for fingerprints and digests in the output.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// The first `n` hex digits followed by an ellipsis.
func shortHex(_ bytes: [UInt8], _ n: Int = 16) -> String {
    String(hex(bytes).prefix(n)) + "…"
}
