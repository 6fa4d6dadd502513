// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// The object behind `ehr_dkg`: one authority's `DKGAuthority` and the queue
/// of messages it asked to send.
///
/// `DKGAuthority.start()`/`advance()` return their messages; C has no good way
/// to return a list of variable-size byte strings, so they wait here and the
/// host takes them one by one with `ehr_dkg_next_message`, which reuses the
/// `(out, out_cap, &out_len)` convention. A message is removed only once it has
/// been written, so a too-small buffer loses nothing.
final class DKGHandle {
    let authority: DKGAuthority
    /// Recipient (0 = broadcast) and bytes, oldest first.
    private var queue: [(to: UInt16, bytes: [UInt8])] = []
    /// Position of the oldest message not yet taken (avoids O(n) removals).
    private var head = 0

    init(_ authority: DKGAuthority) { self.authority = authority }

    /// Number of messages waiting.
    var queued: Int { queue.count - head }

    /// Appends the messages of a round in the order the DKG produced them.
    func enqueue(_ out: [DKGOutgoing]) {
        for message in out {
            switch message {
            case let .broadcast(bytes): queue.append((0, bytes))
            case let .direct(to, bytes): queue.append((to, bytes))
            }
        }
    }

    /// The oldest waiting message, if any.
    var first: (to: UInt16, bytes: [UInt8])? { head < queue.count ? queue[head] : nil }

    /// Drops the oldest message after it has been handed out.
    func removeFirst() {
        guard head < queue.count else { return }
        head += 1
        if head == queue.count {
            queue.removeAll()
            head = 0
        }
    }

    /// The finished run's result, or EHR_ERR_STATE naming the current round.
    func result() throws -> DKGResult {
        guard let result = authority.result else {
            throw CABIFailure(EHR_ERR_STATE, "the DKG is not done (round \(authority.round.rawValue))")
        }
        return result
    }

    /// A fault as the C struct.
    static func cFault(_ fault: DKGFault) -> ehr_dkg_fault {
        let kind: ehr_dkg_fault_kind
        switch fault.kind {
        case .missingCommitment: kind = EHR_DKG_FAULT_MISSING_COMMITMENT
        case .equivocation: kind = EHR_DKG_FAULT_EQUIVOCATION
        case .tooManyComplaints: kind = EHR_DKG_FAULT_TOO_MANY_COMPLAINTS
        case .unansweredComplaint: kind = EHR_DKG_FAULT_UNANSWERED_COMPLAINT
        case .invalidAnswer: kind = EHR_DKG_FAULT_INVALID_ANSWER
        case .missingFeldman: kind = EHR_DKG_FAULT_MISSING_FELDMAN
        case .feldmanMismatch: kind = EHR_DKG_FAULT_FELDMAN_MISMATCH
        case .invalidFeldmanComplaint: kind = EHR_DKG_FAULT_INVALID_FELDMAN_COMPLAINT
        case .invalidReveal: kind = EHR_DKG_FAULT_INVALID_REVEAL
        case .malformedMessage: kind = EHR_DKG_FAULT_MALFORMED_MESSAGE
        }
        return ehr_dkg_fault(authority: fault.authority, kind: UInt16(kind.rawValue))
    }
}
