// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// The messages of the peer protocol (docs/NODE.md, "Peer protocol"). Each travels in one
/// frame whose type byte is `type.rawValue`; `decode` refuses anything that is not exactly
/// one well-formed payload of its type.
enum PeerMessage: Equatable {
    /// First message on a connection, both ways: protocol version, the consortium hash
    /// (genesis and peers list) and the sender's index, which must be the index of the TLS
    /// certificate it presented.
    case hello(version: UInt8, consortium: [UInt8], index: UInt16)
    /// The sender's chain: tip height and hash, last irreversible height.
    case status(height: UInt64, tip: [UInt8], irreversible: UInt64)
    /// A transaction (its wire encoding), relayed only after the sender's pool admitted it.
    case transaction([UInt8])
    /// A block (its wire encoding), relayed only after the sender's ledger accepted it.
    case block([UInt8])
    /// Asks for canonical blocks `from`, `from + 1`, … (at most `count`).
    case getBlocks(from: UInt64, count: UInt16)
    /// Canonical blocks in height order, starting at `from` (empty: none at `from`).
    case blocks(from: UInt64, [[UInt8]])

    static let version: UInt8 = 1
    /// Blocks one `blocks` answer may carry, and the bytes it fills before stopping early.
    static let maxBlocksPerRange: UInt16 = 64
    static let rangeByteBudget = 8 << 20

    enum Kind: UInt8, CaseIterable {
        case hello = 1, status = 2, transaction = 3, block = 4, getBlocks = 5, blocks = 6

        /// Largest payload a frame of this type may carry. A transaction blob is at most
        /// 1 MiB (WireFormat.maxBlob) plus its header; a block at most the pool's byte
        /// limit plus framing; a range stops filling at `rangeByteBudget` but may carry one
        /// block past it.
        var maxPayload: Int {
            switch self {
            case .hello: return 1 + 32 + 2
            case .status: return 8 + 32 + 8
            case .transaction: return (1 << 20) + 4096
            case .block: return (9 << 20)
            case .getBlocks: return 8 + 2
            case .blocks: return PeerMessage.rangeByteBudget + (9 << 20) + 4096
            }
        }
    }

    var kind: Kind {
        switch self {
        case .hello: return .hello
        case .status: return .status
        case .transaction: return .transaction
        case .block: return .block
        case .getBlocks: return .getBlocks
        case .blocks: return .blocks
        }
    }

    /// The payload's length without encoding it (for the rate limiter).
    var payloadSize: Int {
        switch self {
        case .hello: return 35
        case .status: return 48
        case let .transaction(b), let .block(b): return b.count
        case .getBlocks: return 10
        case let .blocks(_, blocks): return blocks.reduce(10) { $0 + 4 + $1.count }
        }
    }

    var payload: [UInt8] {
        var w = WireWriter()
        switch self {
        case let .hello(version, consortium, index):
            w.u8(version)
            w.raw(consortium)
            w.u16(index)
        case let .status(height, tip, irreversible):
            w.u64(height)
            w.raw(tip)
            w.u64(irreversible)
        case let .transaction(bytes), let .block(bytes):
            w.raw(bytes)
        case let .getBlocks(from, count):
            w.u64(from)
            w.u16(count)
        case let .blocks(from, blocks):
            w.u64(from)
            w.u16(UInt16(truncatingIfNeeded: blocks.count))
            for b in blocks {
                w.u32(UInt32(truncatingIfNeeded: b.count))
                w.raw(b)
            }
        }
        return w.bytes
    }

    /// Decodes one payload of `kind`; nil if it is malformed in any way.
    static func decode(kind: Kind, payload: [UInt8]) -> PeerMessage? {
        var r = PeerReader(raw: payload)
        let message: PeerMessage?
        switch kind {
        case .hello:
            guard let v = (try? r.u8("field")), let c = (try? r.raw(32, "field")), let i = (try? r.u16("field")) else { return nil }
            message = .hello(version: v, consortium: c, index: i)
        case .status:
            guard let h = (try? r.u64("field")), let t = (try? r.raw(32, "field")), let lib = (try? r.u64("field")), lib <= h else { return nil }
            message = .status(height: h, tip: t, irreversible: lib)
        case .transaction:
            guard !payload.isEmpty else { return nil }
            return .transaction(payload)
        case .block:
            guard !payload.isEmpty else { return nil }
            return .block(payload)
        case .getBlocks:
            guard let f = (try? r.u64("field")), let c = (try? r.u16("field")), f >= 1, c >= 1, c <= maxBlocksPerRange else { return nil }
            message = .getBlocks(from: f, count: c)
        case .blocks:
            guard let f = (try? r.u64("field")), let n = (try? r.u16("field")), n <= maxBlocksPerRange else { return nil }
            var blocks: [[UInt8]] = []
            for _ in 0..<n {
                guard let len = (try? r.u32("field")), len >= 1, let b = (try? r.raw(Int(len), "field")) else { return nil }
                blocks.append(b)
            }
            message = .blocks(from: f, blocks)
        }
        return r.remaining == 0 ? message : nil
    }
}
