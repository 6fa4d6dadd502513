// SPDX-License-Identifier: Apache-2.0
import EhrNode
import EhrProtocol
import Glibc

// ehrshare-demo: the end-to-end flow of DESIGN.md §1 in one process, step by step (see
// DemoOptions.usage and README.md). Exit status: 0 when every check passed, 1 when a check
// failed or a step could not run, 2 for bad arguments.

func runDemo(_ options: DemoOptions, _ r: Reporter) throws {
    r.step(1, "Consortium set-up")
    let workdir: String
    if let dir = options.workdir {
        guard Platform.isDirectory(dir) else { throw DemoAbort(description: "--workdir \(dir) is not a directory") }
        guard !Platform.fileExists(dir + "/ledger.sqlite") else {
            throw DemoAbort(description: "\(dir) already holds a ledger.sqlite; give an empty directory")
        }
        workdir = dir
    } else {
        workdir = try Platform.makeTemporaryDirectory()
    }
    r.info("work directory: \(workdir)")
    let c = try Consortium(options: options, workdir: workdir)
    for i in 0..<options.authorities {
        r.info("\(c.names[i]): ledger key \(shortHex(c.nodeKeys[i].publicKey)), DKG keys "
            + "\(shortHex(c.dkgKeys[i].publicKey.signing, 8))/\(shortHex(c.dkgKeys[i].publicKey.agreement, 8))")
    }
    r.info("genesis \(shortHex(c.ledger.genesisHash, 24)): \(options.authorities) nodes, K = \(options.activeProducers), "
        + "1 s slots, replay window \(c.genesis.replayWindowMillis / 1000) s")
    r.info("ledger \(c.ledgerPath) (SQLite WAL), record store \(workdir)/records.sqlite")
    r.check(c.ledger.height == 0 && c.ledger.activeProducers.count == options.activeProducers,
            "empty chain with \(c.ledger.activeProducers.count) active producers")
    r.endStep()

    r.step(2, "GJKR distributed key generation")
    let dkg = try DKGStep.run(c, r)
    // Identity signatures can be checked from now on: reopen the ledger with the verifier for y
    // (Ledger.open replays and re-verifies the blocks so far).
    let reverified = try c.reopen(verifier: LedgerSignatureVerifier(context: dkg.context))
    r.check(reverified == c.ledger.height, "ledger reopened with y's Cha–Cheon verifier, \(reverified) blocks re-verified")
    r.endStep()

    r.step(3, "Threshold extraction of identity keys")
    let keys = try KeyIssuanceStep.run(dkg, r)
    r.endStep()

    r.step(4, "DPoS election and block production")
    try ElectionStep.run(c, r)
    r.endStep()

    r.step(5, "The hospital seals and publishes an EHR")
    let record = try RecordStep.run(c, keys, dkg, r)
    r.endStep()

    let owner = Owner(actor: keys.owner, context: dkg.context, consortium: c)
    r.step(6, "Access request, re-encryption key, proxy re-encryption")
    let access = try AccessStep.run(c, keys, owner, record, dkg.context, r)
    r.endStep()

    r.step(7, "Bob fetches, checks and decrypts")
    try DecryptStep.run(c, keys, record, access, r)
    r.endStep()

    r.step(8, "Attacks of the paper's §3.2 fail")
    try AttackStep.run(c, keys, owner, record, access, dkg.context, r)
    r.endStep()

    r.step(9, "Full verification from disk")
    try VerifyStep.run(c, dkg.context, r)
    r.endStep()
}

let arguments = Array(CommandLine.arguments.dropFirst())
let options: DemoOptions
do {
    options = try DemoOptions.parse(arguments)
} catch {
    if error.message != "help" { print("ehrshare-demo: \(error.message)") }
    print(DemoOptions.usage)
    exit(error.message == "help" ? 0 : 2)
}

print("ehrshare-demo: \(options.authorities) authorities, threshold t = \(options.threshold), "
    + "threshold proxies t' = \(options.thresholdProxies)")
if !options.toleratesFaults {
    print("note: N < 2T − 1, so the DKG could not survive T − 1 misbehaving authorities (all are honest here)")
}
let reporter = Reporter()
var aborted: String?
do {
    try runDemo(options, reporter)
} catch {
    aborted = "\(error)"
    reporter.check(false, "step stopped with an error: \(error)")
}
reporter.summary()
if let aborted {
    print("ehrshare-demo: FAILED — the demo stopped: \(aborted)")
    exit(1)
}
if !reporter.failures.isEmpty {
    print("ehrshare-demo: FAILED — \(reporter.failures.count) check(s) failed:")
    for f in reporter.failures { print("   " + f) }
    exit(1)
}
print("ehrshare-demo: all \(reporter.checks) checks passed")
exit(0)
