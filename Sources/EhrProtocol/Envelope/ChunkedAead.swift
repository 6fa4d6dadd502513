// SPDX-License-Identifier: Apache-2.0

/// The chunked AES-256-GCM body of SEALED1/SEALED2 (PROTOCOL.md §7, framing
/// defined here and in docs/ENVELOPE.md).
///
/// With `K` the envelope key, `N` the 12-byte envelope nonce, `AD` the §7
/// associated data (`"EHRS" ‖ 0x01 ‖ 0x30 ‖ id ‖ ctx ‖ enc(c1) ‖ N`) and
/// `S = 65536`:
///
/// * the plaintext `P` is cut into `n = max(1, ⌈|P| / S⌉)` chunks `P_0 … P_{n−1}`;
///   every chunk but the last holds exactly `S` bytes, the last 1…S bytes
///   (0 only when `P` is empty, which still yields one authenticated chunk);
/// * `nonce_i = N ⊕ (0x00000000 ‖ u64be(i))` (chunk counter `i` from 0);
/// * `AD_i = AD ‖ u64be(i) ‖ u8(last)` with `last` = 1 for chunk `n − 1`, else 0;
/// * `C_i = AES-256-GCM(K, nonce_i, P_i, AD_i)` = ciphertext ‖ 16-byte tag;
/// * the body is `C_0 ‖ … ‖ C_{n−1}`, of length `|P| + 16·n` (the header's `len`).
///
/// The counter in nonce and AD stops reordering and dropping; the last-chunk
/// flag stops truncation at a chunk boundary (a shortened body has no chunk
/// sealed as last); no message comes near GCM's 2^36-byte limit; memory stays
/// at two chunk buffers whatever the size.
public enum ChunkedAead {
    /// Plaintext bytes per chunk (S).
    public static let chunkBytes = 65536
    /// Sealed bytes per full chunk (S + tag).
    public static let sealedChunkBytes = chunkBytes + Aes256Gcm.tagBytes
    /// Bodies beyond 2^60 bytes are refused (no record comes close; keeps all arithmetic exact).
    static let maxBodyBytes: UInt64 = 1 << 60

    /// Number of chunks for a plaintext of `length` bytes.
    static func chunkCount(plaintextLength length: UInt64) -> UInt64 {
        length == 0 ? 1 : (length + UInt64(chunkBytes) - 1) / UInt64(chunkBytes)
    }

    /// Length of the sealed body for a plaintext of `length` bytes.
    /// - Throws: `ProtocolError.length` beyond the supported size.
    public static func sealedLength(plaintextLength length: UInt64) throws(ProtocolError) -> UInt64 {
        guard length <= maxBodyBytes else { throw .length("plaintext of \(length) bytes is too long") }
        return length + UInt64(Aes256Gcm.tagBytes) * chunkCount(plaintextLength: length)
    }

    /// Plaintext length for a sealed body of `length` bytes; rejects lengths no
    /// sealer produces (no room for a tag, or a last chunk with no plaintext
    /// after a full one).
    /// - Throws: `ProtocolError.length`.
    public static func plaintextLength(sealedLength length: UInt64) throws(ProtocolError) -> UInt64 {
        let full = UInt64(sealedChunkBytes)
        guard length >= UInt64(Aes256Gcm.tagBytes), length <= maxBodyBytes + maxBodyBytes / 1024 else {
            throw .length("sealed body of \(length) bytes is impossible")
        }
        let n = (length + full - 1) / full
        let last = length - (n - 1) * full
        guard n == 1 || last > UInt64(Aes256Gcm.tagBytes) else {
            throw .length("sealed body of \(length) bytes ends in an empty chunk")
        }
        return length - UInt64(Aes256Gcm.tagBytes) * n
    }

    /// Seals or opens chunk `index` (the direction is the one `gcm` was made for):
    /// nonce_i = N ⊕ (0^32 ‖ u64be(i)), AD_i = AD ‖ u64be(i) ‖ u8(last).
    static func chunk(_ gcm: Aes256Gcm, _ baseNonce: [UInt8], _ ad: [UInt8], index i: UInt64, last: Bool,
                      input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> Bool {
        var iv = baseNonce
        var suffix = [UInt8](repeating: 0, count: 9)
        for j in 0..<8 {
            let b = UInt8(truncatingIfNeeded: i >> UInt64(56 - 8 * j))
            iv[4 + j] ^= b
            suffix[j] = b
        }
        suffix[8] = last ? 1 : 0
        return iv.withUnsafeBytes { ivp in ad.withUnsafeBytes { adp in suffix.withUnsafeBytes { sp in
            gcm.isEncrypting
                ? gcm.seal(nonce: ivp, ad: [adp, sp], input: input, output: output)
                : gcm.open(nonce: ivp, ad: [adp, sp], input: input, output: output)
        } } }
    }

    // MARK: - In memory

    /// Seals `plaintext` into `output`, which must be exactly
    /// `sealedLength(plaintextLength: plaintext.count)` bytes (no copies, no allocation per chunk).
    /// - Throws: `ProtocolError.param` on a size mismatch or an OpenSSL failure.
    static func seal(key: [UInt8], nonce: [UInt8], associatedData ad: [UInt8], plaintext: UnsafeRawBufferPointer,
                     into output: UnsafeMutableRawBufferPointer) throws(ProtocolError) {
        let total = try sealedLength(plaintextLength: UInt64(plaintext.count))
        guard UInt64(output.count) == total, nonce.count == Aes256Gcm.nonceBytes else {
            throw .param("sealed body buffer of the wrong size")
        }
        let gcm = try ProtocolError.lifting { () throws(CryptoError) in try Aes256Gcm(key: key, encrypting: true) }
        let n = chunkCount(plaintextLength: UInt64(plaintext.count))
        var inOff = 0
        var outOff = 0
        for i in 0..<n {
            let len = min(chunkBytes, plaintext.count - inOff)
            let ok = chunk(gcm, nonce, ad, index: i, last: i == n - 1,
                           input: UnsafeRawBufferPointer(rebasing: plaintext[inOff..<inOff + len]),
                           output: UnsafeMutableRawBufferPointer(rebasing: output[outOff..<outOff + len + Aes256Gcm.tagBytes]))
            guard ok else { throw .param("AES-256-GCM encryption failed") }
            inOff += len
            outOff += len + Aes256Gcm.tagBytes
        }
    }

    /// Opens the sealed body `body` into a new array.
    /// - Throws: `ProtocolError.length` for an impossible length; `ProtocolError.decrypt` for any
    ///   authentication failure (no plaintext is returned).
    static func open(key: [UInt8], nonce: [UInt8], associatedData ad: [UInt8],
                     body: UnsafeRawBufferPointer) throws(ProtocolError) -> [UInt8] {
        let plainLength = try plaintextLength(sealedLength: UInt64(body.count))
        guard nonce.count == Aes256Gcm.nonceBytes, let gcm = try? Aes256Gcm(key: key, encrypting: false) else {
            throw .decrypt
        }
        let n = chunkCount(plaintextLength: plainLength)
        // Uninitialised allocation: the chunks write every byte, and a zeroing pass over a
        // large record would cost as much memory traffic as the decryption itself.
        var ok = false
        var out = [UInt8](unsafeUninitializedCapacity: Int(plainLength)) { buf, initialized in
            let outp = UnsafeMutableRawBufferPointer(buf)
            initialized = buf.count
            var inOff = 0
            var outOff = 0
            for i in 0..<n {
                let len = min(sealedChunkBytes, body.count - inOff)
                let plain = len - Aes256Gcm.tagBytes
                guard chunk(gcm, nonce, ad, index: i, last: i == n - 1,
                            input: UnsafeRawBufferPointer(rebasing: body[inOff..<inOff + len]),
                            output: UnsafeMutableRawBufferPointer(rebasing: outp[outOff..<outOff + plain]))
                else {
                    // Define every byte before handing the buffer back (it is wiped and dropped).
                    outp.initializeMemory(as: UInt8.self, repeating: 0)
                    return
                }
                inOff += len
                outOff += plain
            }
            ok = true
        }
        guard ok else {
            wipeSecret(&out)
            throw .decrypt
        }
        return out
    }

    // MARK: - Streaming

    /// Seals exactly `plaintextLength` bytes read from `source` and writes the
    /// body (`sealedLength(plaintextLength:)` bytes) to `sink`.
    ///
    /// - Throws: `ProtocolError.length` if the source holds fewer or more bytes
    ///   than announced; `ProtocolError.param` if OpenSSL fails; errors of the
    ///   source or sink unchanged.
    public static func seal(key: [UInt8], nonce: [UInt8], associatedData ad: [UInt8], plaintextLength: UInt64,
                            from source: inout some EnvelopeSource, to sink: inout some EnvelopeSink) throws {
        _ = try sealedLength(plaintextLength: plaintextLength)
        guard nonce.count == Aes256Gcm.nonceBytes else { throw ProtocolError.param("envelope nonce must be 12 bytes") }
        let gcm = try ProtocolError.lifting { () throws(CryptoError) in try Aes256Gcm(key: key, encrypting: true) }
        let n = chunkCount(plaintextLength: plaintextLength)
        var input = [UInt8](repeating: 0, count: chunkBytes)
        var output = [UInt8](repeating: 0, count: sealedChunkBytes)
        defer { wipeSecret(&input) }
        var remaining = plaintextLength
        for i in 0..<n {
            let want = Int(min(remaining, UInt64(chunkBytes)))
            let got = try input.withUnsafeMutableBytes { try source.readFully(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            guard got == want else { throw ProtocolError.length("plaintext source ended \(remaining - UInt64(got)) bytes early") }
            remaining -= UInt64(want)
            let ok = input.withUnsafeBytes { inp in output.withUnsafeMutableBytes { outp in
                chunk(gcm, nonce, ad, index: i, last: i == n - 1, input: UnsafeRawBufferPointer(rebasing: inp[0..<want]),
                      output: UnsafeMutableRawBufferPointer(rebasing: outp[0..<want + Aes256Gcm.tagBytes]))
            } }
            guard ok else { throw ProtocolError.param("AES-256-GCM encryption failed") }
            try output.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<want + Aes256Gcm.tagBytes])) }
        }
        var probe: UInt8 = 0
        let extra = try withUnsafeMutableBytes(of: &probe) { try source.read(into: $0) }
        guard extra == 0 else { throw ProtocolError.length("plaintext source holds more than \(plaintextLength) bytes") }
    }

    /// Opens a body of `sealedLength` bytes read from `source`, writing the
    /// plaintext to `sink` chunk by chunk, each only after its tag verified.
    ///
    /// A failure after some chunks leaves those verified chunks in the sink:
    /// the caller must discard the output of a failed open (the [UInt8] API
    /// of ``Envelope`` never returns any).
    ///
    /// - Throws: `ProtocolError.decrypt` for any authentication failure;
    ///   `ProtocolError.length` for an impossible length or a source that ends early;
    ///   errors of the source or sink unchanged.
    public static func open(key: [UInt8], nonce: [UInt8], associatedData ad: [UInt8], sealedLength: UInt64,
                            from source: inout some EnvelopeSource, to sink: inout some EnvelopeSink) throws {
        let plainLength = try plaintextLength(sealedLength: sealedLength)
        guard nonce.count == Aes256Gcm.nonceBytes else { throw ProtocolError.decrypt }
        guard let gcm = try? Aes256Gcm(key: key, encrypting: false) else { throw ProtocolError.decrypt }
        let n = chunkCount(plaintextLength: plainLength)
        var input = [UInt8](repeating: 0, count: sealedChunkBytes)
        var output = [UInt8](repeating: 0, count: chunkBytes)
        defer { wipeSecret(&output) }
        var remaining = sealedLength
        for i in 0..<n {
            let want = Int(min(remaining, UInt64(sealedChunkBytes)))
            let got = try input.withUnsafeMutableBytes { try source.readFully(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            guard got == want else { throw ProtocolError.length("sealed body ended \(remaining - UInt64(got)) bytes early") }
            remaining -= UInt64(want)
            let plain = want - Aes256Gcm.tagBytes
            let ok = input.withUnsafeBytes { inp in output.withUnsafeMutableBytes { outp in
                chunk(gcm, nonce, ad, index: i, last: i == n - 1, input: UnsafeRawBufferPointer(rebasing: inp[0..<want]),
                      output: UnsafeMutableRawBufferPointer(rebasing: outp[0..<plain]))
            } }
            guard ok else { throw ProtocolError.decrypt }
            try output.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<plain])) }
        }
    }
}
