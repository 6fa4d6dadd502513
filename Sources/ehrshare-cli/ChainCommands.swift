// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger

/// `verify` and `schedule`: read-only views of the chain.
enum ChainCommands {
    /// Opening the node replays and re-verifies every block from genesis; then the stored rows
    /// are audited and the record store re-hashes every envelope.
    static func verify(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let verified = node.ledger.openReport.blocksVerified
        if let from = node.ledger.openReport.truncatedFrom {
            throw CLIError.failure("the chain was truncated at height \(from): \(node.ledger.openReport.truncationReason ?? "")")
        }
        let audited = try node.ledger.verifyStoredChain()
        guard audited == node.ledger.height, verified == node.ledger.height else {
            throw CLIError.failure("verified \(verified) and audited \(audited) of \(node.ledger.height) blocks")
        }
        let bad = try node.store.verifyAll()
        guard bad.isEmpty else { throw CLIError.failure("\(bad.count) stored envelope(s) do not match their address") }
        print("chain OK: \(verified) blocks verified from genesis, tip \(Hex.encode(node.ledger.tipHash)); record store OK")
    }

    static func schedule(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let name: (UInt16) -> String = { "authority-\(Int($0) + 1)" }
        print("height \(node.ledger.height), round \(node.ledger.round)")
        print("active producers: " + node.ledger.activeProducers.map(name).joined(separator: ", "))
        print("schedule: " + node.ledger.schedule.map(name).joined(separator: ", "))
        let next = node.ledger.tipSlot + 1
        print("next slot \(next): " + (node.ledger.scheduledProducer(slot: next).map(name) ?? "none"))
    }
}
