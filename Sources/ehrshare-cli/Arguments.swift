// SPDX-License-Identifier: Apache-2.0

/// Hand-parsed `--name value` options of one command; every option takes one value and may repeat.
struct Arguments {
    private var values: [String: [String]] = [:]

    init(_ args: [String], allowed: Set<String>) throws(CLIError) {
        var i = 0
        while i < args.count {
            let a = args[i]
            guard a.hasPrefix("--"), a.count > 2 else { throw .usage("unexpected argument '\(a)'") }
            let name = String(a.dropFirst(2))
            guard allowed.contains(name) else { throw .usage("unknown option --\(name)") }
            guard i + 1 < args.count, !args[i + 1].hasPrefix("--") else { throw .usage("option --\(name) needs a value") }
            values[name, default: []].append(args[i + 1])
            i += 2
        }
    }

    func required(_ name: String) throws(CLIError) -> String {
        guard let v = values[name]?.last else { throw .usage("missing option --\(name)") }
        return v
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func integer(_ name: String) throws(CLIError) -> Int {
        let text = try required(name)
        guard let v = Int(text), v > 0 else { throw .usage("--\(name) must be a positive integer, got '\(text)'") }
        return v
    }
}
