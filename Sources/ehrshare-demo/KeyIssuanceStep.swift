// SPDX-License-Identifier: Apache-2.0
import EhrProtocol

/// Step 3: identity keys by threshold extraction (PROTOCOL.md §5). For each identity, t
/// authorities of QUAL each issue a partial key (x_i·H1e(id), x_i·H1s(id)); the user checks
/// each against the public share Y_i, combines t of them by Lagrange interpolation and checks
/// the result against y. Different identities use different t-subsets, so the demo shows that
/// any t authorities suffice; a combination of t − 1 is refused.
///
/// In a deployment each authority first authenticates the requester as holder of exactly this
/// identity and answers over a confidential channel (§5 "Before issuing"); the demo's actors
/// live in one process, so that channel is a function call.
enum KeyIssuanceStep {
    static let ownerName = "hospital:st-mary"
    static let userName = "doctor:bob@city-clinic"
    static let attackerName = "doctor:eve@elsewhere"

    struct Outcome {
        let owner: Actor
        let user: Actor
        let attacker: Actor
    }

    static func run(_ dkg: DKGStep.Outcome, _ r: Reporter) throws -> Outcome {
        let params = dkg.params
        let t = params.t
        let qual = dkg.results.map(\.index).filter { i in dkg.results[0].qual.contains(i) }
        guard qual.count >= t else { throw DemoAbort(description: "fewer than t = \(t) qualified authorities") }
        var actors: [Actor] = []
        for (offset, name) in [ownerName, userName, attackerName].enumerated() {
            let id = try Identity(name)
            // A rotating t-subset of QUAL: (offset, offset+1, …) mod |QUAL|.
            let chosen = (0..<t).map { qual[(offset + $0) % qual.count] }
            var partials: [PartialKey] = []
            for index in chosen {
                guard let result = dkg.results.first(where: { $0.index == index }) else { continue }
                let partial = try ThresholdKeys.issue(for: id, result: result)
                // The user's check of each answer (names the authority if it is wrong).
                try ThresholdKeys.verify(partial, for: id, params: params)
                partials.append(partial)
            }
            r.check(partials.count == t, "\(name): \(partials.count) partial keys from authorities "
                + "\(DKGStep.list(chosen)) verified against Y_i")
            if offset == 0 {
                // t − 1 partial keys do not make a key (§5: fewer than t → EHR_ERR_PARAM).
                r.expectRefusal("combining only t − 1 = \(t - 1) partial keys", matching: { e in
                    if case ProtocolError.param = e { return true }
                    return false
                }) { _ = try ThresholdKeys.combine(Array(partials.dropLast()), for: id, params: params) }
            }
            let keys = try ThresholdKeys.combine(partials, for: id, params: params)
            let verified = (try? ThresholdKeys.verify(keys, params: params)) != nil
            let actor = try Actor(keys: keys, context: dkg.context)
            r.check(verified, "\(name): ske = \(shortHex(keys.decryptionKey.compressed)) and separate sks = "
                + "\(shortHex(keys.signingKey.compressed)) combined and checked against y")
            actors.append(actor)
        }
        return Outcome(owner: actors[0], user: actors[1], attacker: actors[2])
    }
}
