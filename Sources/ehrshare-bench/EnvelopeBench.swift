// SPDX-License-Identifier: Apache-2.0
//
// Envelope throughput cases for ehrshare-bench (docs/ENVELOPE.md): 64 MiB records sealed and opened
// in memory, streamed through file descriptors, and streamed through the fixed 64 KiB pipeline into a
// sink that discards. They run only when the filter starts with "envelope" (`ehrshare-bench envelope`),
// since each takes seconds. scripts/bench/side_by_side.py compares them with
// `openssl speed -evp aes-256-gcm`, which is why each case reports MB/s per wall second AND per user
// CPU second: openssl speed divides by user CPU time unless it is given -elapsed.

import EhrCurve
import EhrField
import EhrPairing
import EhrProtocol
#if canImport(Glibc)
import Glibc
#endif

/// User CPU time of this process, in nanoseconds.
private func userCpuNs() -> UInt64 {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return UInt64(u.ru_utime.tv_sec) * 1_000_000_000 + UInt64(u.ru_utime.tv_usec) * 1000
}

/// Repeats `body` (one whole record) for about `seconds` of wall time, as `openssl speed` repeats its
/// buffer, and prints the average throughput in wall time and in user CPU time.
private func throughput(_ name: String, bytes: Int, seconds: Double = 2, _ body: () throws -> Void) rethrows {
    guard name.hasPrefix(filter) || filter == "envelope" else { return }
    try body()  // warm-up: page faults of the output buffers, caches
    let clock = ContinuousClock()
    let start = clock.now, cpu0 = userCpuNs()
    var runs = 0
    while (clock.now - start) < .milliseconds(Int64(seconds * 1000)) {
        try body()
        runs += 1
    }
    let (s, atto) = (clock.now - start).components
    let wallUs = (Double(s) * 1e6 + Double(atto) / 1e12) / Double(runs)
    let cpuUs = Double(userCpuNs() - cpu0) / 1000 / Double(runs)
    print("{\"case\":\"\(name)\",\"MB_per_s\":\(Int(Double(bytes) / wallUs)),"
          + "\"MB_per_user_cpu_s\":\(Int(Double(bytes) / cpuUs)),\"runs\":\(runs)}")
}

/// A sink that drops what it is given: the pipeline's own cost, without page faults or a file system.
private struct DiscardSink: EnvelopeSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {}
}

/// Plaintext served from one cache-resident 64 KiB block, as data arriving from a socket or the page
/// cache would be: what `openssl speed` measures, since it also reuses one buffer.
private struct HotSource: EnvelopeSource {
    let block: [UInt8]
    var remaining: Int
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let k = min(buffer.count, remaining, block.count)
        block.withUnsafeBytes { src in
            if let to = buffer.baseAddress, let from = src.baseAddress { to.copyMemory(from: from, byteCount: k) }
        }
        remaining -= k
        return k
    }
}

func runEnvelopeBenchmarks() {
    guard filter.hasPrefix("envelope") else { return }
    do {
        let s = try Fr.randomNonZero()
        let ctx = try PREContext(masterPublicKey: G2Projective.generator.mul(s).toAffine())
        func key(_ name: String) throws -> PREIdentityKey {
            let id = try Identity(name)
            return try PREIdentityKey(identity: id, key: G1Projective(try IdentityHashes.h1Enc(id)).mul(s).toAffine(),
                                      context: ctx)
        }
        let alice = try key("patient:alice"), bob = try key("doctor:bob")
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ctx)
        let n = 64 << 20
        var plain = [UInt8](repeating: 0, count: n)
        for i in stride(from: 0, to: n, by: 4096) { plain[i] = UInt8(truncatingIfNeeded: i >> 12) }

        // In memory: the whole record and the whole sealed envelope as arrays.
        var sealed = try Envelope.seal(plain, to: alice.identity, recordContext: [1], context: ctx)
        let shared = try Envelope.reencrypt(sealed, with: rk)
        try throughput("envelope_seal_64MiB", bytes: n) {
            sealed = try Envelope.seal(plain, to: alice.identity, recordContext: [1], context: ctx)
        }
        try throughput("envelope_open_l1_64MiB", bytes: n) { _ = try Envelope.open(sealed, with: alice) }
        try throughput("envelope_open_l2_64MiB", bytes: n) { _ = try Envelope.open(shared, with: bob) }

        // Streaming through file descriptors (the page cache), as the `_file` C calls do.
        let dir = "/tmp/ehrshare-bench-\(getpid())"
        guard mkdir(dir, 0o700) == 0 else {
            print("{\"case\":\"envelope_fd\",\"error\":\"cannot create \(dir)\"}")
            return
        }
        defer { rmdir(dir) }
        let plainPath = dir + "/plain", sealedPath = dir + "/sealed", outPath = dir + "/out"
        defer { for p in [plainPath, sealedPath, outPath] { unlink(p) } }
        try stream(nil, plainPath) { _, sink in try sink.write(plain.withUnsafeBytes { $0 }) }
        func sealFile() throws {
            try stream(plainPath, sealedPath) { src, sink in
                guard var src else { return }
                try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity,
                                  recordContext: [1], context: ctx)
            }
        }
        try sealFile()  // the open case reads it even when a filter skips the seal case
        try throughput("envelope_seal_64MiB_fd_stream", bytes: n, sealFile)
        try throughput("envelope_open_64MiB_fd_stream", bytes: n) {
            try stream(sealedPath, outPath) { src, sink in
                guard var src else { return }
                try Envelope.open(from: &src, to: &sink, with: alice)
            }
        }

        // The fixed 64 KiB pipeline from memory into a discarding sink: what the envelope adds on top
        // of AES-GCM itself.
        var sealedSink = ByteArraySink()
        var src0 = ByteArraySource(plain)
        try Envelope.seal(plaintextLength: UInt64(n), from: &src0, to: &sealedSink, owner: alice.identity,
                          recordContext: [1], context: ctx)
        let sealedStream = sealedSink.bytes
        try throughput("envelope_seal_64MiB_stream_discard", bytes: n) {
            var src = ByteArraySource(plain)
            var sink = DiscardSink()
            try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity,
                              recordContext: [1], context: ctx)
        }
        try throughput("envelope_open_64MiB_stream_discard", bytes: n) {
            var src = ByteArraySource(sealedStream)
            var sink = DiscardSink()
            try Envelope.open(from: &src, to: &sink, with: alice)
        }
        try throughput("envelope_seal_64MiB_hot_source_discard", bytes: n) {
            var src = HotSource(block: Array(plain.prefix(65536)), remaining: n)
            var sink = DiscardSink()
            try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity,
                              recordContext: [1], context: ctx)
        }
    } catch {
        print("{\"case\":\"envelope_setup\",\"error\":\"\(error)\"}")
    }
}

/// Opens `input` (if any) for reading and `output` for writing (created or truncated, mode 0600) and
/// hands both to `body` as envelope streams.
private func stream(_ input: String?, _ output: String,
                    _ body: (inout FileDescriptorSource?, inout FileDescriptorSink) throws -> Void) throws {
    let i = input.map { open($0, O_RDONLY) } ?? -1
    let o = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer {
        if i >= 0 { close(i) }
        if o >= 0 { close(o) }
    }
    guard o >= 0, input == nil || i >= 0 else { throw BenchFileError(path: o < 0 ? output : input ?? output) }
    var src: FileDescriptorSource? = i >= 0 ? FileDescriptorSource(fd: i) : nil
    var sink = FileDescriptorSink(fd: o)
    try body(&src, &sink)
}

private struct BenchFileError: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot open \(path)" }
}
