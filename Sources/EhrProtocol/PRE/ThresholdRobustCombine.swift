// SPDX-License-Identifier: Apache-2.0
import EhrPairing

/// Robust combination for threshold proxies (PROTOCOL.md §6.1): a fragment
/// cannot be verified on its own (it is a GT element under a secret share),
/// so a faulty or malicious proxy can hand the delegatee a wrong one. Given
/// more than `t'` fragments, the delegatee tries `t'`-subsets until the
/// record's first body chunk authenticates under the resulting key; the AEAD
/// is the verifier, so a wrong subset is never accepted (it would need a GCM
/// forgery), and one check costs a Dec2 and one 64 KiB chunk.
extension ThresholdReEncryption {
    /// Like `combine(_:fragments:)`, but tolerant of wrong fragments.
    ///
    /// - Parameters:
    ///   - h: the stored SEALED1 header.
    ///   - fragments: fragments from distinct proxies (at least `t'`).
    ///   - firstChunk: the first `min(65 552, len)` bytes of the stored body.
    ///   - key: the delegatee's decryption key.
    ///   - maxAttempts: bound on the subsets tried (each costs about two pairings).
    ///   - proxies: n' when known; every fragment index must then be in 1…n'.
    /// - Returns: the SEALED2 header that opens with `key`.
    /// - Throws: `ProtocolError.param` as `combine(_:fragments:)`;
    ///   `.decrypt` if no subset within `maxAttempts` authenticates.
    public static func combineVerified(_ h: SealedHeader1, fragments: [ReEncryptionFragment], firstChunk: [UInt8],
                                       key: PREIdentityKey, maxAttempts: Int = 256,
                                       proxies: Int? = nil) throws(ProtocolError) -> SealedHeader2 {
        guard let first = fragments.first else { throw .param("no re-encryption fragments") }
        let t = first.threshold
        try checkIndices(fragments, threshold: t, proxies: proxies)
        guard fragments.count >= t else { throw .param("\(fragments.count) fragments, \(t) needed") }
        let sorted = fragments.sorted { $0.index < $1.index }
        let plainLength = try ChunkedAead.plaintextLength(sealedLength: h.bodyLength)
        let expected = Int(min(h.bodyLength, UInt64(ChunkedAead.sealedChunkBytes)))
        guard firstChunk.count == expected else {
            throw .length("first chunk of \(firstChunk.count) bytes, expected \(expected)")
        }
        let onlyChunk = ChunkedAead.chunkCount(plaintextLength: plainLength) == 1
        let ad = EnvelopeKeySchedule.associatedData(owner: h.owner, recordContext: h.recordContext,
                                                    c1: h.c1.compressed, nonce: h.nonce)
        // Subsets of size t in lexicographic order of positions.
        var positions = Array(0..<t)
        var attempts = 0
        while attempts < maxAttempts {
            attempts += 1
            // A subset whose fragments disagree (a proxy that also altered R1, R2 or c1) is just a failed try.
            if let candidate = try? combine(h, fragments: positions.map { sorted[$0] }),
               let dem = try? Envelope.demKey(candidate, key),
               ChunkedAead.verifyFirstChunk(key: dem, nonce: h.nonce, associatedData: ad, isLast: onlyChunk,
                                            chunk: firstChunk) {
                return candidate
            }
            // Next combination: advance the rightmost position that can move.
            var i = t - 1
            while i >= 0, positions[i] == sorted.count - t + i { i -= 1 }
            guard i >= 0 else { break }
            positions[i] += 1
            for j in (i + 1)..<t { positions[j] = positions[j - 1] + 1 }
        }
        throw .decrypt
    }
}

extension ChunkedAead {
    /// Whether `chunk` is a valid sealed chunk 0 under `key` (the plaintext is wiped, not returned).
    static func verifyFirstChunk(key: [UInt8], nonce: [UInt8], associatedData ad: [UInt8], isLast: Bool,
                                 chunk: [UInt8]) -> Bool {
        guard chunk.count >= Aes256Gcm.tagBytes, nonce.count == Aes256Gcm.nonceBytes,
              let gcm = try? Aes256Gcm(key: key, encrypting: false) else { return false }
        var out = [UInt8](repeating: 0, count: chunk.count - Aes256Gcm.tagBytes)
        defer { wipeSecret(&out) }
        return chunk.withUnsafeBytes { c in
            out.withUnsafeMutableBytes { o in
                ChunkedAead.chunk(gcm, nonce, ad, index: 0, last: isLast, input: c, output: o)
            }
        }
    }
}
