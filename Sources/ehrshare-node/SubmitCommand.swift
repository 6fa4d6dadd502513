// SPDX-License-Identifier: Apache-2.0
import EhrStore
import ArgumentParser
import EhrLedger
import Foundation

/// `submit`: signs vote transactions with a node's key and posts them to a node's HTTP
/// endpoint (test and load injection). The node relays what its pool admits.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Sign vote transactions with a node key and POST them to a node's /tx.")

    @Option(help: "Data directory holding the signing node key.")
    var dir: String

    @Option(help: "host:port of the node's HTTP endpoint.")
    var http: String

    @Option(help: "Genesis index of the signing key.")
    var index: UInt16

    @Option(help: "How many transactions (consecutive sequence numbers).")
    var count: Int = 1

    @Option(help: "Candidates to approve, comma-separated (default: the active producers).")
    var candidates: String?

    func run() throws {
        guard let address = HostPort(http) else { throw ValidationError("--http must be host:port") }
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1...10000") }
        let key = try KeygenCommand.loadKey(NodeDirectory(dir: dir))
        let status = try HTTPClient.request(address, method: "GET", path: "/status?node=\(index)")
        guard status.status == 200,
            let json = try? JSONSerialization.jsonObject(with: Data(status.body.utf8)) as? [String: Any],
            let next = (json["nextSequence"] as? NSNumber)?.uint64Value,
            let genesisHex = json["genesis"] as? String, let genesisHash = Hex.decode(genesisHex)
        else { throw NodeFailure("unexpected /status answer: \(status.status) \(status.body)") }
        let chosen: [UInt16]
        if let candidates {
            chosen = try candidates.split(separator: ",").map {
                guard let c = UInt16($0.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("bad candidate \($0)") }
                return c
            }
        } else {
            chosen = ((json["activeProducers"] as? [NSNumber]) ?? []).map { $0.uint16Value }
        }
        var accepted = 0
        for i in 0..<count {
            var vote = VoteTx(voter: index, sequence: next + UInt64(i), candidates: chosen)
            try vote.sign(with: key, genesisHash: genesisHash)
            let answer = try HTTPClient.request(address, method: "POST", path: "/tx", body: Transaction.vote(vote).encoded)
            if answer.status == 200 {
                accepted += 1
            } else {
                print("transaction \(i) refused: \(answer.body.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
        print("submitted \(accepted) of \(count) transactions")
        if accepted != count { throw ExitCode(1) }
    }
}
