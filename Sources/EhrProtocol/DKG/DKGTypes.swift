// SPDX-License-Identifier: Apache-2.0

import EhrField

/// A message a DKG authority asks its transport (the ledger, or a test harness) to deliver.
public enum DKGOutgoing: Sendable, Equatable {
    /// To every authority (and the ledger): a DKG_SIGNED envelope.
    case broadcast([UInt8])
    /// To one authority only: a DKG_SEALED share.
    case direct(to: UInt16, [UInt8])
}

/// The synchronous rounds of GJKR (PROTOCOL.md §4; GJKR 2007, Fig. 2). Each ends at a ledger
/// deadline, where the driver calls `DKGAuthority.advance()`; a message missing at that point
/// counts as misbehaviour of its sender.
public enum DKGRound: Int, Sendable, Comparable, CaseIterable {
    /// Not started.
    case idle = 0
    /// Phase 1, step 1: DKG_COMMIT broadcasts and sealed DKG_SHARE messages.
    case dealing = 1
    /// Step 2: DKG_COMPLAINT broadcasts.
    case complaints = 2
    /// Step 3: accused dealers answer with DKG_REVEAL (sender = dealer). QUAL is fixed at its end.
    case answers = 3
    /// Phase 2, step 5: DKG_FELDMAN broadcasts by QUAL.
    case feldman = 4
    /// Step 6: DKG_FCOMPLAINT broadcasts.
    case feldmanComplaints = 5
    /// Step 7: DKG_REVEAL of the shares of dealers to reconstruct (sender = holder).
    case reconstruction = 6
    /// Finished with a result.
    case done = 7
    /// Stopped by an unrecoverable condition (more than t − 1 faulty authorities).
    case failed = 8

    public static func < (a: DKGRound, b: DKGRound) -> Bool { a.rawValue < b.rawValue }
}

/// Misbehaviour an authority observed, attributed to the authority at fault. The QUAL-relevant
/// kinds are decided by the common rule of PROTOCOL.md §4 step 4, so every honest authority
/// records the same ones for the same ledger contents.
public struct DKGFault: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No valid DKG_COMMIT by the end of dealing: disqualified.
        case missingCommitment
        /// Two different signed messages for the same slot (commitment, answer, Feldman vector).
        case equivocation
        /// At least t distinct complainers: disqualified.
        case tooManyComplaints
        /// A complaint without a DKG_REVEAL answer: disqualified.
        case unansweredComplaint
        /// An answer that fails the Pedersen check: disqualified.
        case invalidAnswer
        /// A qualified dealer without a valid DKG_FELDMAN: its secret is reconstructed.
        case missingFeldman
        /// A valid Feldman complaint (Pedersen holds, Feldman fails): its secret is reconstructed.
        case feldmanMismatch
        /// A Feldman complaint whose pair fails the Pedersen check or passes the Feldman one.
        case invalidFeldmanComplaint
        /// A reconstruction reveal that fails the Pedersen check.
        case invalidReveal
        /// A signed message from this authority that does not decode.
        case malformedMessage
    }

    /// The authority at fault.
    public let authority: UInt16
    public let kind: Kind
    public let detail: String

    public init(authority: UInt16, kind: Kind, detail: String) {
        self.authority = authority
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "authority \(authority): \(kind.rawValue) (\(detail))" }
}

/// What `DKGAuthority.receive` did with an accepted message.
public enum DKGReceipt: Sendable, Equatable {
    /// Stored for processing at the next deadline.
    case accepted
    /// Byte-identical to a message already stored: ignored, never counted twice.
    case duplicate
}

/// The outcome of a finished DKG at one authority.
public struct DKGResult: Sendable {
    /// This authority's index j.
    public let index: UInt16
    /// The qualified dealers, ascending.
    public let qual: [UInt16]
    /// Qualified dealers whose polynomial was reconstructed in phase 2 (PROTOCOL.md §4 step 7).
    public let reconstructed: [UInt16]
    /// The secret share x_j = Σ_{i∈QUAL} s_ij. Keep it secret; `x_j·g2 = Y_j` has been checked.
    public let secretShare: Fr
    /// PARAMS: sid, t, n, y and Y_1..Y_n, for the ledger.
    public let params: PublicParams

    /// The dealers outside QUAL, ascending (they issue no partial keys, PROTOCOL.md §4).
    public var disqualified: [UInt16] {
        (1...UInt16(params.n)).filter { !qual.contains($0) }
    }
}
