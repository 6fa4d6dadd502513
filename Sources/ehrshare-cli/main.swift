// SPDX-License-Identifier: Apache-2.0
import Glibc

// ehrshare-cli: a persistent local node directory. Exit 0 on success, 1 on failure, 2 on usage errors.

let usage = """
usage: ehrshare-cli <command> --dir D [options]
  init       --dir D --authorities N --threshold T
  dkg        --dir D
  issue      --dir D --id IDENTITY
  put        --dir D --owner ID --file PATH [--grant ID ...]
  grant      --dir D --owner ID --record RID --to ID
  revoke     --dir D --owner ID --record RID --to ID
  request    --dir D --as ID --record RID
  reencrypt  --dir D --request REQID
  get        --dir D --as ID --record RID --out PATH
  verify     --dir D
  schedule   --dir D
"""

let commands: [String: (options: Set<String>, run: (Arguments) throws -> Void)] = [
    "init": (["dir", "authorities", "threshold"], InitCommand.run),
    "dkg": (["dir"], DKGCommand.run),
    "issue": (["dir", "id"], IssueCommand.run),
    "put": (["dir", "owner", "file", "grant"], PutCommand.run),
    "grant": (["dir", "owner", "record", "to"], { try PolicyCommand.run($0, action: .grant) }),
    "revoke": (["dir", "owner", "record", "to"], { try PolicyCommand.run($0, action: .revoke) }),
    "request": (["dir", "as", "record"], RequestCommand.run),
    "reencrypt": (["dir", "request"], ReencryptCommand.run),
    "get": (["dir", "as", "record", "out"], GetCommand.run),
    "verify": (["dir"], ChainCommands.verify),
    "schedule": (["dir"], ChainCommands.schedule),
]

/// Writes to standard error (file descriptor 2; the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        guard n > 0 else { return }
        offset += n
    }
}

func fail(_ message: String, _ code: Int32) -> Never {
    printError("ehrshare-cli: \(message)" + (code == 2 ? " (ehrshare-cli help for usage)\n" : "\n"))
    exit(code)
}

let argv = Array(CommandLine.arguments.dropFirst())
guard let name = argv.first else { fail("no command given", 2) }
if name == "help" || name == "--help" || name == "-h" {
    print(usage)
    exit(0)
}
guard let command = commands[name] else { fail("unknown command '\(name)'", 2) }
do {
    let args = try Arguments(Array(argv.dropFirst()), allowed: command.options)
    try command.run(args)
} catch let error as CLIError {
    fail(error.description, error.exitCode)
} catch {
    fail("\(name) failed: \(error)", 1)
}
