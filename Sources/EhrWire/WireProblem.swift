// SPDX-License-Identifier: Apache-2.0

/// What the codec itself can find wrong with bytes, before any layer interprets a field.
///
/// Each layer keeps its own error type (the protocol's statuses of PROTOCOL.md §11, the
/// ledger's rejection rules); it says how a codec problem maps onto it by conforming to
/// ``WireFailure``, so one reader serves every layer without a second copy.
public enum WireProblem: Sendable, Equatable, CustomStringConvertible {
    /// Fewer bytes than a field needs (§11 rule 2).
    case truncated(what: String, need: Int, have: Int)
    /// Bytes after the last field (§11 rule 6).
    case trailing(what: String, count: Int)
    /// The object does not start with "EHRS" (§11 rule 1).
    case magic(what: String)
    /// An unsupported version byte (§11 rule 1).
    case version(what: String, UInt8)
    /// A type byte other than the one expected (§11 rule 1).
    case type(what: String, expected: UInt8, actual: UInt8)
    /// A length field outside the bounds the format allows (an empty or oversized
    /// identity, a blob above its cap).
    case length(what: String, length: Int, bounds: ClosedRange<Int>)

    public var description: String {
        switch self {
        case let .truncated(w, need, have): return "\(w): truncated (need \(need) bytes, have \(have))"
        case let .trailing(w, n): return "\(w): \(n) trailing bytes"
        case let .magic(w): return "\(w): missing EHRS magic"
        case let .version(w, v): return "\(w): unsupported version \(v)"
        case let .type(w, e, a):
            return "\(w): type byte 0x\(String(a, radix: 16)), expected 0x\(String(e, radix: 16))"
        case let .length(w, n, b): return "\(w): length \(n) outside \(b.lowerBound)...\(b.upperBound)"
        }
    }
}

/// An error type a ``WireReader`` throws: the layer's translation of a ``WireProblem``.
public protocol WireFailure: Error {
    init(wire problem: WireProblem)
}
