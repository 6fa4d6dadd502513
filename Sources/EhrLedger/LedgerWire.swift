// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// Every codec problem in a ledger object is an encoding rejection: the block, transaction
/// or genesis breaks the wire format, and nothing is changed.
extension LedgerError: WireFailure {
    public init(wire problem: WireProblem) {
        self = .reject(.encoding, problem.description)
    }
}

/// The shared reader throwing the ledger's errors.
typealias WireReader = EhrWire.WireReader<LedgerError>
