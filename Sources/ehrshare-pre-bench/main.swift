// SPDX-License-Identifier: Apache-2.0
// Release-mode timing of EhrProtocol's IBP1, envelope and signatures, for the side-by-side
// table against scripts/bench/ibpre_pymcl.py and `openssl speed -evp aes-256-gcm`.
// Build and run: swift build -c release --product ehrshare-pre-bench &&
//   python3 scripts/bench/pre_side_by_side.py .build/release/ehrshare-pre-bench
import EhrCurve
import EhrField
import EhrPairing
import EhrProtocol
#if canImport(Glibc)
import Glibc
#endif

func nowNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func medianUs(_ inner: Int, _ rounds: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var samples: [Double] = []
    for _ in 0..<rounds {
        let t = nowNs()
        for _ in 0..<inner { try body() }
        samples.append(Double(nowNs() - t) / Double(inner) / 1000)
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// User CPU time of this process in ns (what `openssl speed` measures by default; `-elapsed`
/// switches it to wall time).
func userCpuNs() -> UInt64 {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return UInt64(u.ru_utime.tv_sec) * 1_000_000_000 + UInt64(u.ru_utime.tv_usec) * 1000
}

/// Like `openssl speed`: repeat `body` (one 64 MiB envelope) for about `seconds` of wall time and
/// report the average wall time and user CPU time per run, so both sides are measured alike.
func sustained(seconds: Double = 2, _ body: () throws -> Void) rethrows -> (wallUs: Double, cpuUs: Double) {
    try body()
    let start = nowNs(), cpu0 = userCpuNs()
    var runs = 0
    while Double(nowNs() - start) < seconds * 1e9 {
        try body()
        runs += 1
    }
    return (Double(nowNs() - start) / Double(runs) / 1000, Double(userCpuNs() - cpu0) / Double(runs) / 1000)
}

func throughput(_ name: String, _ t: (wallUs: Double, cpuUs: Double)) {
    print("{\"case\": \"\(name)\", \"ms\": \(Int(t.wallUs / 1000)), \"MB_per_s\": \(Int(mbps(t.wallUs))), "
          + "\"MB_per_user_cpu_s\": \(Int(mbps(t.cpuUs)))}")
}

func line(_ name: String, _ us: Double) {
    print("{\"case\": \"\(name)\", \"ours_us\": \(Double(Int(us * 10)) / 10)}")
}

let rounds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 9 : 9
/// `ehrshare-pre-bench N stream` runs only the steady-state stream cases (for profiling).
let streamOnly = CommandLine.arguments.contains("stream")
let s = try Fr.randomNonZero()
let ctx = try PREContext(masterPublicKey: G2Projective.generator.mul(s).toAffine())
func key(_ name: String) throws -> PREIdentityKey {
    let id = try Identity(name)
    return try PREIdentityKey(identity: id, key: G1Projective(try IdentityHashes.h1Enc(id)).mul(s).toAffine(), context: ctx)
}
let alice = try key("patient:alice"), bob = try key("doctor:bob")
let m = GT.generator.pow(try Fr.randomNonZero())
let c = try IBP1.encrypt(m, to: alice.identity, context: ctx)
let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ctx)
let c2 = try IBP1.reencrypt(c, with: rk)
guard try IBP1.decrypt(c, with: alice) == m, try IBP1.decrypt(c2, with: bob) == m else {
    print("round trip failed")
    exit(1)
}

let n = 64 << 20
var plain = [UInt8](repeating: 0, count: n)
for i in stride(from: 0, to: n, by: 4096) { plain[i] = UInt8(truncatingIfNeeded: i >> 12) }
func mbps(_ us: Double) -> Double { Double(n) / us }        // bytes/µs = MB/s
if !streamOnly {
if CommandLine.arguments.contains("prims") {
    let k = try Fr.randomNonZero()
    let e = try ctx.recipientFactor(alice.identity)
    let q = G2Projective.generator.mul(k)
    let pa = G1Projective.generator.mul(k).toAffine()
    line("prim g2 mul (ct)", medianUs(20, rounds) { _ = G2Projective.generator.mul(k) })
    line("prim g2 mul (vartime)", medianUs(20, rounds) { _ = q.mulVartime(k) })
    line("prim g1 mul (ct)", medianUs(20, rounds) { _ = G1Projective.generator.mul(k) })
    line("prim gt pow (ct)", medianUs(20, rounds) { _ = e.pow(k) })
    line("prim gt pow (vartime)", medianUs(20, rounds) { _ = e.powVartime(k) })
    line("prim pairing", medianUs(20, rounds) { _ = pairing(pa, c.c1) })
    line("prim hash to G1", try medianUs(20, rounds) { _ = try IdentityHashes.h1Enc(alice.identity) })
    line("prim g2 toAffine", medianUs(20, rounds) { _ = q.toAffine() })
    line("prim GT bytes", medianUs(20, rounds) { _ = e.bytes })
    exit(0)
}
line("encrypt (cached E)", try medianUs(20, rounds) { _ = try IBP1.encrypt(m, to: alice.identity, context: ctx) })
line("encrypt (new recipient)", try medianUs(10, rounds) {
    ctx.recipientCache.removeAll()
    _ = try IBP1.encrypt(m, to: alice.identity, context: ctx)
})
_ = try ctx.recipientFactor(alice.identity)
line("rekey", try medianUs(10, rounds) { _ = try IBP1.rekey(from: alice, to: bob.identity, context: ctx) })
line("reencrypt", try medianUs(20, rounds) { _ = try IBP1.reencrypt(c, with: rk) })
line("decrypt level 1", try medianUs(20, rounds) { _ = try IBP1.decrypt(c, with: alice) })
line("decrypt level 2", try medianUs(10, rounds) { _ = try IBP1.decrypt(c2, with: bob) })

let sk = try IdentitySigningKey(identity: alice.identity,
                                key: G1Projective(try IdentityHashes.h1Sig(alice.identity)).mul(s).toAffine(), context: ctx)
let signed = try SignedMessage.sign(purpose: .accessRequest, payload: [1, 2, 3], key: sk, context: ctx, timestamp: 1)
let signedBytes = signed.encoded
line("sign (SIGNED envelope)", try medianUs(10, rounds) {
    _ = try SignedMessage.sign(purpose: .accessRequest, payload: [1, 2, 3], key: sk, context: ctx, timestamp: 1)
})
line("verify (decode + check)", try medianUs(10, rounds) { _ = try SignedMessage(encoded: signedBytes, context: ctx) })

// Envelope throughput, 64 MiB in memory.
var sealed: [UInt8] = []
let sealUs = try sustained {
    sealed = try Envelope.seal(plain, to: alice.identity, recordContext: [1], context: ctx)
}
let openUs = try sustained { _ = try Envelope.open(sealed, with: alice) }
let shared = try Envelope.reencrypt(sealed, with: rk)
let open2Us = try sustained { _ = try Envelope.open(shared, with: bob) }
throughput("envelope seal 64 MiB", sealUs)
throughput("envelope open L1 64 MiB", openUs)
throughput("envelope open L2 64 MiB", open2Us)

// Streaming through file descriptors (page cache), 64 MiB.
let dir = "/tmp/pre-bench-\(getpid())"
mkdir(dir, 0o700)
let plainPath = dir + "/plain", sealedPath = dir + "/sealed", outPath = dir + "/out"
func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var sink = FileDescriptorSink(fd: fd)
    try? sink.write(bytes.withUnsafeBytes { $0 })
    close(fd)
}
writeFile(plainPath, plain)
func stream(_ input: String, _ output: String, _ body: (inout FileDescriptorSource, inout FileDescriptorSink) throws -> Void) throws {
    let i = open(input, O_RDONLY), o = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { close(i); close(o) }
    var src = FileDescriptorSource(fd: i)
    var sink = FileDescriptorSink(fd: o)
    try body(&src, &sink)
}
let sealStreamUs = try sustained {
    try stream(plainPath, sealedPath) { src, sink in
        try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity, recordContext: [1],
                          context: ctx)
    }
}
let openStreamUs = try sustained {
    try stream(sealedPath, outPath) { src, sink in try Envelope.open(from: &src, to: &sink, with: alice) }
}
throughput("envelope seal 64 MiB fd stream", sealStreamUs)
throughput("envelope open 64 MiB fd stream", openStreamUs)
for p in [plainPath, sealedPath, outPath] { unlink(p) }
rmdir(dir)

}

// Steady-state pipeline throughput: the streaming API with its fixed 64 KiB buffers, from an
// in-memory source to a sink that discards (no page faults, no file system): what the envelope
// adds on top of AES-GCM itself, comparable with `openssl speed`, which also reuses one buffer.
struct DiscardSink: EnvelopeSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {}
}
if !CommandLine.arguments.contains("hot") {
var sealedSink = ByteArraySink()
var src0 = ByteArraySource(plain)
try Envelope.seal(plaintextLength: UInt64(n), from: &src0, to: &sealedSink, owner: alice.identity, recordContext: [1],
                  context: ctx)
let sealedStream = sealedSink.bytes
let sealNullUs = try sustained {
    var src = ByteArraySource(plain)
    var sink = DiscardSink()
    try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity, recordContext: [1],
                      context: ctx)
}
let openNullUs = try sustained {
    var src = ByteArraySource(sealedStream)
    var sink = DiscardSink()
    try Envelope.open(from: &src, to: &sink, with: alice)
}
throughput("envelope seal 64 MiB stream→discard", sealNullUs)
throughput("envelope open 64 MiB stream→discard", openNullUs)

}

// As `openssl speed` measures: the plaintext comes from a cache-resident 64 KiB buffer (as data
// arriving from a socket or the page cache would), so the number isolates the envelope's own cost.
struct HotSource: EnvelopeSource {
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
let hotUs = try sustained {
    var src = HotSource(block: Array(plain.prefix(65536)), remaining: n)
    var sink = DiscardSink()
    try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity, recordContext: [1],
                      context: ctx)
}
throughput("envelope seal 64 MiB hot source→discard", hotUs)
