// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// The subcommands in the order an operator uses them: keygen at each institution, one
/// genesis ceremony over the exported public files, then run everywhere.
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ehrshare-node",
        abstract: "A consortium node of libehrshare: DPoS ledger peers over mutually authenticated TLS 1.3.",
        subcommands: [KeygenCommand.self, GenesisCommand.self, RunCommand.self, SubmitCommand.self]
    )
}
