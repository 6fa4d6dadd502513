// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// A batch of transactions as one payload: count u32 ‖ (len u32 ‖ tx)×count.
enum Batch {
    static func encode(_ txs: [[UInt8]]) -> [UInt8] {
        var w = WireWriter()
        w.u32(UInt32(txs.count))
        for t in txs { w.blob(t) }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) -> [[UInt8]]? {
        var r = WireIn(raw: bytes)
        guard let n = (try? r.u32("field")), Int(n) <= bytes.count else { return nil }
        var out: [[UInt8]] = []
        for _ in 0..<n {
            guard let t = (try? r.blob("payload", limit: simMaxBlob)) else { return nil }
            out.append(t)
        }
        return r.remaining == 0 ? out : nil
    }
}
