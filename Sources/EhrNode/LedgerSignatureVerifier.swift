// SPDX-License-Identifier: Apache-2.0
import Dispatch
import EhrLedger
import EhrProtocol

/// The identity-signature check every ledger of a consortium uses: Cha–Cheon (PROTOCOL.md §9)
/// against the consortium's master public key y.
///
/// The signature blob of a `record`, `policy` or `request` transaction is a SIGNED envelope
/// (PROTOCOL.md §10 type 0x31) with purpose 2 (ledger transaction), the deployment's
/// fingerprint, the transaction's identity as signer, and the transaction's signing message
/// (docs/LEDGER.md §2: `"EHRS" 01 53 ‖ genesis hash ‖ unsigned encoding`) as payload. The
/// envelope's own timestamp and nonce are not used: freshness and replay are judged on the
/// transaction's fields, which the payload covers.
///
/// Without y (a consortium whose DKG has not finished yet) there is nothing to verify
/// against, so every identity signature is refused; node-signed transactions still work.
///
/// Successful checks are remembered in a `VerifiedSignatureCache` (one per verifier and so
/// per master key; pass a shared one to keep hits across verifiers of the same y). Many
/// signatures at once (`verifyAll`: a block's, a chain's on open) are checked by batch
/// verification (`ChaCheon.verifyEach`), split over all cores.
public struct LedgerSignatureVerifier: IdentitySignatureVerifier {
    /// nil until the DKG has produced the master public key.
    public let context: PREContext?
    public let cache: VerifiedSignatureCache
    /// How many threads `verifyAll` uses (at least 1).
    public let parallelism: Int

    public init(context: PREContext?, cache: VerifiedSignatureCache = VerifiedSignatureCache(),
                parallelism: Int = LedgerSignatureVerifier.processorCount) {
        self.context = context
        self.cache = cache
        self.parallelism = max(1, parallelism)
    }

    /// The processors this process may use.
    public static var processorCount: Int { Ledger.processorCount }

    public func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard let context else { return false }
        let key = VerifiedSignatureCache.key(identity: identity, message: message, signature: signature)
        if cache.contains(key) { return true }
        // The decoder checks header, purpose, fingerprint, the points (subgroup, identity)
        // and the Cha–Cheon equation; any failure means "not a valid signature".
        guard let signed = try? SignedMessage(encoded: signature, context: context),
            Self.matches(signed, identity: identity, message: message)
        else { return false }
        cache.insert(key)
        return true
    }

    /// Each claim's answer, exactly as `verify` gives it: cached ones at once, the rest decoded
    /// without the equation and then batch-verified, in `parallelism` chunks at a time.
    public func verifyAll(_ claims: [IdentitySignatureClaim]) -> [Bool] {
        guard let context else { return [Bool](repeating: false, count: claims.count) }
        var result = [Bool](repeating: false, count: claims.count)
        var keys: [[UInt8]] = []
        var pending: [(index: Int, claim: ChaCheon.Claim)] = []
        for (i, c) in claims.enumerated() {
            let key = VerifiedSignatureCache.key(identity: c.identity, message: c.message, signature: c.signature)
            keys.append(key)
            if cache.contains(key) {
                result[i] = true
            } else if let signed = try? SignedMessage(unverified: c.signature, context: context),
                      Self.matches(signed, identity: c.identity, message: c.message) {
                pending.append((i, signed.claim))
            }
        }
        guard !pending.isEmpty else { return result }
        let work = pending.map(\.claim)
        let chunks = min(parallelism, work.count)
        let size = (work.count + chunks - 1) / chunks
        let answers = ChunkAnswers(count: work.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * size)..<min(work.count, (c + 1) * size)
            guard !range.isEmpty else { return }
            let part = Array(work[range])
            // A failed generator decides nothing: those claims stay unverified (false).
            let ok = (try? ChaCheon.verifyEach(part, context: context)) ?? [Bool](repeating: false, count: part.count)
            answers.set(ok, at: range.lowerBound)
        }
        for (j, p) in pending.enumerated() where answers.value(j) {
            result[p.index] = true
            cache.insert(keys[p.index])
        }
        return result
    }

    private static func matches(_ signed: SignedMessage, identity: [UInt8], message: [UInt8]) -> Bool {
        signed.purpose == .ledgerTransaction && signed.signer.bytes == identity && signed.payload == message
    }
}
