// SPDX-License-Identifier: Apache-2.0
import EhrField
import EhrProtocol

/// `issue`: threshold extraction — t authorities issue partial keys, each is verified against
/// Y_i, they are combined and the result is checked against y; the keys are saved.
enum IssueCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let name = try args.required("id")
        let (params, context) = try node.requireDKG()
        let id: Identity
        do { id = try Identity(name) } catch { throw CLIError.usage("'\(name)' is not a valid identity") }
        var partials: [PartialKey] = []
        for k in 1...node.nodeKeys.count where partials.count < params.t {
            let path = node.layout.authorityShare(k)
            guard Files.exists(path) else { continue }
            let bytes = try Files.read(path)
            guard bytes.count == 34 else { throw CLIError.failure("\(path) is damaged") }
            let index = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            let share = try Fr(bigEndianBytes: bytes[2...])
            let partial = try ThresholdKeys.issue(for: id, share: share, index: index, params: params)
            try ThresholdKeys.verify(partial, for: id, params: params)
            partials.append(partial)
        }
        guard partials.count == params.t else {
            throw CLIError.failure("only \(partials.count) authority shares available, threshold is \(params.t)")
        }
        let keys = try ThresholdKeys.combine(partials, for: id, params: params)
        try ThresholdKeys.verify(keys, params: params)
        _ = try PREIdentityKey(identity: id, key: keys.decryptionKey, context: context)
        try Files.writeAtomically(node.layout.identityKey(id.bytes), keys.decryptionKey.compressed + keys.signingKey.compressed)
        print("issued keys for \(name) from authorities \(partials.map { String($0.index) }.joined(separator: ","))")
    }
}
