// SPDX-License-Identifier: Apache-2.0
//
// DKG and threshold-key cases for ehrshare-bench (called from main.swift).
//
// dkg_n<N>: one complete honest GJKR run (PROTOCOL.md §4) with t = ⌊N/2⌋ + 1, all N authorities
// simulated in this process on one thread. Each authority's CPU time is the thread CPU time
// spent inside its own calls (start, advance, and receive of what was delivered to it), so it is
// what one authority would spend on its own machine; wall_ms covers the whole simulation (all N
// authorities one after the other, plus delivery). One run per size (a run at N = 64 is long);
// N = 4 and 8 run by default, 16–64 only when the filter names them (`ehrshare-bench dkg`).
//
// keys_*: partial-key issue / verify, and combination of t partial keys (which verifies all t
// with one batched multi-pairing and checks the result against y), timed like the other cases.

import EhrCurve
import EhrField
import EhrProtocol
import Glibc

/// CPU time of the calling thread in nanoseconds.
private func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

private func ms(_ ns: UInt64) -> String {
    let hundredths = (ns + 5_000) / 10_000
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

/// One honest DKG with n authorities; prints one JSON line.
private func benchDKG(n: Int) throws {
    let t = n / 2 + 1
    var keys: [DKGNodeKey] = []
    var roster: [DKGRosterEntry] = []
    for k in 1...n {
        let key = try DKGNodeKey.generate()
        keys.append(key)
        roster.append(DKGRosterEntry(name: try Identity("authority-\(k)"), keys: key.publicKey))
    }
    let session = try DKGSession(roster: roster, threshold: t, nonce: [UInt8](repeating: 0x42, count: 32))
    let authorities = try (1...n).map { try DKGAuthority(session: session, index: UInt16($0), key: keys[$0 - 1]) }
    var cpu = [UInt64](repeating: 0, count: n)
    var sent = [Int](repeating: 0, count: n)
    let clock = ContinuousClock()
    let start = clock.now

    func step(_ body: (DKGAuthority) throws -> [DKGOutgoing]) throws {
        for a in authorities {
            let i = Int(a.index) - 1
            var c0 = threadCPUNanoseconds()
            let out = try body(a)
            cpu[i] += threadCPUNanoseconds() - c0
            for m in out {
                switch m {
                case let .broadcast(bytes):
                    sent[i] += bytes.count
                    for b in authorities where b.index != a.index {
                        c0 = threadCPUNanoseconds()
                        try b.receive(bytes, from: a.index)
                        cpu[Int(b.index) - 1] += threadCPUNanoseconds() - c0
                    }
                case let .direct(to, bytes):
                    sent[i] += bytes.count
                    c0 = threadCPUNanoseconds()
                    try authorities[Int(to) - 1].receive(bytes, from: a.index)
                    cpu[Int(to) - 1] += threadCPUNanoseconds() - c0
                }
            }
        }
    }

    try step { try $0.start() }
    for _ in 0..<6 { try step { try $0.advance() } }
    let wall = clock.now - start
    let (s, atto) = wall.components
    let wallNs = UInt64(s) * 1_000_000_000 + UInt64(atto / 1_000_000_000)
    guard authorities.allSatisfy({ $0.result?.qual.count == n }) else {
        print("{\"case\":\"dkg_n\(n)\",\"error\":\"run did not finish with full QUAL\"}")
        return
    }
    let mean = cpu.reduce(0, +) / UInt64(n)
    print("{\"case\":\"dkg_n\(n)\",\"t\":\(t),\"wall_ms\":\(ms(wallNs)),\"cpu_ms_per_authority_mean\":\(ms(mean)),"
        + "\"cpu_ms_per_authority_max\":\(ms(cpu.max() ?? 0)),\"bytes_sent_per_authority\":\(sent.reduce(0, +) / n)}")
}

func runDKGBenchmarks() {
    for n in [4, 8, 16, 32, 64] {
        let name = "dkg_n\(n)"
        guard name.hasPrefix(filter), n <= 8 || !filter.isEmpty else { continue }
        do { try benchDKG(n: n) } catch { print("{\"case\":\"\(name)\",\"error\":\"\(error)\"}") }
    }
    runKeyBenchmarks()
}

/// Partial-key issue, verify and combine over a dealt Shamir sharing.
private func runKeyBenchmarks() {
    for t in [3, 9, 17, 33] {
        // Setting up is cheap next to the cases; `bench` applies the name filter itself.
        guard filter.hasPrefix("keys") || "keys".hasPrefix(filter) else { continue }
        do {
            let n = 2 * t - 1
            let f = (0..<t).map { Fr(reducingBigEndian: Array(UInt8($0)..<UInt8($0 + 48))) }
            let shares = (1...n).map { j -> Fr in
                var acc = Fr.zero
                for c in f.reversed() { acc = acc * Fr(UInt64(j)) + c }
                return acc
            }
            let g = G2Projective.generator
            let params = try PublicParams(sid: [UInt8](repeating: 0, count: 32), t: t, n: n,
                                          masterPublicKey: g.mul(f[0]).toAffine(),
                                          publicShares: shares.map { g.mul($0).toAffine() })
            let id = try Identity("patient:alice")
            let partials = try (1...t).map { try ThresholdKeys.issue(for: id, share: shares[$0 - 1], index: UInt16($0), params: params) }
            if t == 3 {
                bench("keys_issue", iterations: 200) { k in
                    var c = 0
                    for _ in 0..<k { if (try? ThresholdKeys.issue(for: id, share: shares[0], index: 1, params: params)) != nil { c += 1 } }
                    return c
                }
                bench("keys_partial_verify", iterations: 200) { k in
                    var c = 0
                    for _ in 0..<k { if (try? ThresholdKeys.verify(partials[0], for: id, params: params)) != nil { c += 1 } }
                    return c
                }
            }
            bench("keys_combine_t\(t)", iterations: 100) { k in
                var c = 0
                for _ in 0..<k { if (try? ThresholdKeys.combine(partials, for: id, params: params)) != nil { c += 1 } }
                return c
            }
        } catch {
            print("{\"case\":\"keys_t\(t)\",\"error\":\"\(error)\"}")
        }
    }
}
