// SPDX-License-Identifier: Apache-2.0

/// Command-line options of `ehrshare-demo demo` (see `DemoOptions.usage`). Bad arguments are
/// the user's input, so they end in a usage error (exit code 2), never in a trap.
struct DemoOptions {
    /// n: authorities in the consortium (DKG participants and ledger nodes).
    var authorities = 5
    /// t: authorities needed to issue a key (polynomial degree t − 1, PROTOCOL.md §4).
    var threshold = 3
    /// Where ledger, record store and files go; a fresh temporary directory when nil.
    var workdir: String?
    /// t': proxies that must each convert the header (PROTOCOL.md §6.1); 1 = the paper's single proxy.
    var thresholdProxies = 1
    /// An authority that misbehaves in the DKG: it commits, withholds its sealed shares and
    /// ignores the complaints (PROTOCOL.md §4 steps 2–4), so the others disqualify it.
    var faultyDealer: Int?

    static let usage = """
        usage: ehrshare-demo demo [--authorities N] [--threshold T] [--workdir DIR] [--threshold-proxies T'] [--faulty-dealer I]
          --authorities N        authorities in the consortium, 2…32 (default 5)
          --threshold T          authorities needed for a key, 1…N (default 3); N ≥ 2T − 1 tolerates T − 1 faulty
          --workdir DIR          an existing directory for the ledger and record store (default: a fresh temp dir)
          --threshold-proxies T' producers that each hold a re-encryption key share, 1…K (default 1),
                                 where K = N − 1 active producers (N when N < 3)
          --faulty-dealer I      authority I withholds its DKG shares and ignores complaints (it is
                                 disqualified; needs N − 1 ≥ T)
        """

    /// Active producers per round (K). One fewer than the nodes, so that the election has a
    /// loser to show (DESIGN.md §3); at least t' so that threshold proxies fit in one round.
    /// Whether n ≥ 2t − 1 (PROTOCOL.md §4: then phase-2 reconstruction tolerates t − 1
    /// misbehaving authorities). Smaller n still works when everyone is honest, as in the demo.
    var toleratesFaults: Bool { authorities >= 2 * threshold - 1 }

    var activeProducers: Int { authorities >= 3 ? authorities - 1 : authorities }

    struct UsageError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Parses `arguments` (without the program name). The first must be the `demo` command.
    static func parse(_ arguments: [String]) throws(UsageError) -> DemoOptions {
        guard let command = arguments.first else { throw UsageError(message: "missing command") }
        guard command == "demo" else { throw UsageError(message: "unknown command '\(command)'") }
        var options = DemoOptions()
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            if flag == "-h" || flag == "--help" { throw UsageError(message: "help") }
            guard let value = rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            switch flag {
            case "--authorities": options.authorities = try integer(value, flag, 2...32)
            case "--threshold": options.threshold = try integer(value, flag, 1...32)
            case "--threshold-proxies": options.thresholdProxies = try integer(value, flag, 1...32)
            case "--faulty-dealer": options.faultyDealer = try integer(value, flag, 1...32)
            case "--workdir":
                guard !value.isEmpty else { throw UsageError(message: "--workdir needs a directory") }
                options.workdir = value
            default: throw UsageError(message: "unknown option '\(flag)'")
            }
        }
        guard options.threshold <= options.authorities else {
            throw UsageError(message: "--threshold \(options.threshold) exceeds --authorities \(options.authorities)")
        }
        if let f = options.faultyDealer {
            guard f <= options.authorities else {
                throw UsageError(message: "--faulty-dealer \(f) is not an authority (1…\(options.authorities))")
            }
            guard options.authorities - 1 >= options.threshold else {
                throw UsageError(message: "--faulty-dealer needs N − 1 ≥ T honest authorities to issue keys")
            }
        }
        guard options.thresholdProxies <= options.activeProducers else {
            throw UsageError(message: "--threshold-proxies \(options.thresholdProxies) exceeds the "
                + "\(options.activeProducers) active producers")
        }
        return options
    }

    private static func integer(_ text: String, _ flag: String, _ range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let v = Int(text), range.contains(v) else {
            throw UsageError(message: "\(flag) must be an integer in \(range.lowerBound)…\(range.upperBound), got '\(text)'")
        }
        return v
    }
}
