// SPDX-License-Identifier: Apache-2.0

/// How the shared codec's problems map onto the statuses of PROTOCOL.md §11: every
/// truncation and trailing byte is a length error (rule 2, rule 6), header faults keep their
/// own statuses (rule 1), and a length field out of its bounds is a parameter error, as an
/// over-long identity is.
extension ProtocolError: WireFailure {
    public init(wire problem: WireProblem) {
        switch problem {
        case .truncated, .trailing: self = .length(problem.description)
        case .magic: self = .magic
        case let .version(_, v): self = .version(v)
        case let .type(_, e, a): self = .type(expected: e, actual: a)
        case .length: self = .param(problem.description)
        }
    }
}

/// The shared reader throwing this layer's errors.
public typealias ProtocolWireReader = EhrWire.WireReader<ProtocolError>
/// Inside this module the reader is simply `WireReader`.
typealias WireReader = ProtocolWireReader

extension EhrWire.WireReader where Failure == ProtocolError {
    /// An identity (u16 length + 1–1024 bytes of UTF-8). The bytes are read before they are
    /// validated, so a truncated identity is `.length` and a bad one `.param` (§11 order).
    public mutating func id(_ what: String) throws(ProtocolError) -> Identity {
        let n = Int(try u16("\(what) length"))
        return try Identity(validating: try raw(n, what))
    }
}
