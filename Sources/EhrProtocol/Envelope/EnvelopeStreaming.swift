// SPDX-License-Identifier: Apache-2.0

/// The header of either level, as a streaming reader finds it.
///
/// `indirect`: the two payloads are large structs of different layouts, and
/// the inline multi-payload form made Swift's generated copy code branch on
/// tag bits that share a word with uninitialised padding, which valgrind
/// reports in every C host that opens an envelope. Boxing the payload costs one
/// allocation per header and makes the tag a plain, fully defined value.
public indirect enum SealedHeader: Sendable, Equatable {
    case level1(SealedHeader1)
    case level2(SealedHeader2)

    public var bodyLength: UInt64 {
        switch self {
        case let .level1(h): return h.bodyLength
        case let .level2(h): return h.bodyLength
        }
    }
}

/// Streaming versions of the envelope operations: memory stays at a few
/// 64 KiB buffers plus the header, whatever the record size (1 GiB records
/// stream from file descriptors through ``FileDescriptorSource`` and
/// ``FileDescriptorSink``).
extension Envelope {
    /// Seals exactly `plaintextLength` bytes from `source` to `owner`, writing
    /// the SEALED1 object (header, then body) to `sink`.
    /// - Returns: the header written.
    /// - Throws: `ProtocolError.length` if the source does not hold exactly
    ///   `plaintextLength` bytes (the sink then holds a partial object: discard it);
    ///   `.param`, `.random`; source and sink errors unchanged.
    @discardableResult
    public static func seal(plaintextLength: UInt64, from source: inout some EnvelopeSource,
                            to sink: inout some EnvelopeSink, owner: Identity, recordContext: [UInt8],
                            context: PREContext) throws -> SealedHeader1 {
        let bodyLength = try ChunkedAead.sealedLength(plaintextLength: plaintextLength)
        var (header, key) = try newHeader(owner: owner, recordContext: recordContext, bodyLength: bodyLength,
                                          context: context)
        defer { wipeSecret(&key) }
        let ad = EnvelopeKeySchedule.associatedData(owner: owner, recordContext: recordContext,
                                                    c1: header.c1.compressed, nonce: header.nonce)
        try sink.write(header.encoded)
        try ChunkedAead.seal(key: key, nonce: header.nonce, associatedData: ad, plaintextLength: plaintextLength,
                             from: &source, to: &sink)
        return header
    }

    /// Opens a SEALED1 or SEALED2 object read from `source`, writing the
    /// plaintext to `sink` one verified chunk at a time.
    ///
    /// On failure the sink may hold the verified chunks before the failing
    /// one: discard everything written (the object was truncated or tampered
    /// with). Success means every chunk, the last-chunk flag and the absence
    /// of trailing bytes were checked.
    /// - Throws: decoder errors; `ProtocolError.decrypt` for every cryptographic
    ///   failure; `.length` for a short or overlong input.
    public static func open(from source: inout some EnvelopeSource, to sink: inout some EnvelopeSink,
                            with key: PREIdentityKey) throws {
        let header = try readHeader(from: &source)
        try openBody(header: header, from: &source, to: &sink, with: key)
    }

    /// The proxy on streams: reads a SEALED1 object, writes the SEALED2 object
    /// for `rk`'s delegatee, copying the body through unchanged.
    /// - Returns: the new header.
    /// - Throws: decoder errors; `ProtocolError.param` for a key of another delegator;
    ///   `.length` for a short or overlong body.
    @discardableResult
    public static func reencrypt(from source: inout some EnvelopeSource, to sink: inout some EnvelopeSink,
                                 with rk: ReEncryptionKey) throws -> SealedHeader2 {
        guard case let .level1(h) = try readHeader(from: &source) else {
            throw ProtocolError.type(expected: WireType.sealed1.rawValue, actual: WireType.sealed2.rawValue)
        }
        let converted = try reencryptHeader(h, with: rk)
        try sink.write(converted.encoded)
        var buffer = [UInt8](repeating: 0, count: ChunkedAead.sealedChunkBytes)
        var remaining = h.bodyLength
        while remaining > 0 {
            let want = Int(min(remaining, UInt64(buffer.count)))
            let got = try buffer.withUnsafeMutableBytes {
                try source.readFully(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want]))
            }
            guard got == want else { throw ProtocolError.length("sealed body ended \(remaining - UInt64(got)) bytes early") }
            try buffer.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<want])) }
            remaining -= UInt64(want)
        }
        try expectEnd(&source)
        return converted
    }

    /// Reads and decodes the header of a SEALED1 or SEALED2 object, consuming
    /// exactly its bytes (the body follows in `source`).
    /// - Throws: decoder errors (`.length` if the source ends inside the header).
    public static func readHeader(from source: inout some EnvelopeSource) throws -> SealedHeader {
        var bytes = try source.readExactly(Wire.headerBytes, "header")
        let level2 = bytes[5] == WireType.sealed2.rawValue
        // Validate magic, version and type before reading further.
        _ = try WireReader(bytes, type: level2 ? .sealed2 : .sealed1)
        for _ in 0..<(level2 ? 2 : 1) {
            let len = try source.readExactly(2, "id length")
            bytes += len
            bytes += try source.readExactly(Int(len[0]) << 8 | Int(len[1]), "id")
        }
        let clen = try source.readExactly(4, "context length")
        bytes += clen
        let n = clen.reduce(0) { $0 << 8 | Int($1) }
        guard n <= EnvelopeKeySchedule.maxContextBytes else {
            throw ProtocolError.param("record context of \(n) bytes exceeds the limit of \(EnvelopeKeySchedule.maxContextBytes)")
        }
        bytes += try source.readExactly(n, "record context")
        // c1, c2 [, R1, R2], N, len.
        bytes += try source.readExactly(level2 ? 96 + 576 + 96 + 576 + 12 + 8 : 96 + 576 + 12 + 8, "header fields")
        return level2 ? .level2(try SealedHeader2(encodedHeader: bytes)) : .level1(try SealedHeader1(encodedHeader: bytes))
    }

    /// Rule 6 on streams: nothing may follow the body.
    static func expectEnd(_ source: inout some EnvelopeSource) throws {
        var probe: UInt8 = 0
        let extra = try withUnsafeMutableBytes(of: &probe) { try source.read(into: $0) }
        guard extra == 0 else { throw ProtocolError.length("trailing bytes after the sealed body") }
    }
}

/// Stores that keep one body and many headers (one-to-many, PROTOCOL.md §6.2) open a header they hold
/// with a body they stream, without concatenating the two.
extension Envelope {
    /// Opens the body read from `source` (exactly `header.bodyLength` bytes, then the end of input)
    /// under `header`, writing verified plaintext chunks to `sink`.
    /// - Throws: `ProtocolError.decrypt` for every cryptographic failure; `.length` for a short or
    ///   overlong body; source and sink errors unchanged. Discard the sink's contents on failure.
    public static func openBody(header: SealedHeader, from source: inout some EnvelopeSource,
                                to sink: inout some EnvelopeSink, with key: PREIdentityKey) throws {
        var dem: [UInt8]
        let ad: [UInt8]
        let nonce: [UInt8]
        switch header {
        case let .level1(h):
            dem = try demKey(h, key)
            ad = EnvelopeKeySchedule.associatedData(owner: h.owner, recordContext: h.recordContext,
                                                    c1: h.c1.compressed, nonce: h.nonce)
            nonce = h.nonce
        case let .level2(h):
            dem = try demKey(h, key)
            ad = EnvelopeKeySchedule.associatedData(owner: h.delegator, recordContext: h.recordContext,
                                                    c1: h.c1.compressed, nonce: h.nonce)
            nonce = h.nonce
        }
        defer { wipeSecret(&dem) }
        try ChunkedAead.open(key: dem, nonce: nonce, associatedData: ad, sealedLength: header.bodyLength,
                             from: &source, to: &sink)
        try expectEnd(&source)
    }

    /// In-memory variant: `body` is the stored body shared by every header.
    /// - Returns: the plaintext; nothing on failure.
    public static func openBody(header: SealedHeader, body: [UInt8], with key: PREIdentityKey) throws -> [UInt8] {
        guard UInt64(body.count) == header.bodyLength else {
            throw ProtocolError.length("body of \(body.count) bytes, header says \(header.bodyLength)")
        }
        var src = ByteArraySource(body)
        var sink = ByteArraySink()
        try openBody(header: header, from: &src, to: &sink, with: key)
        return sink.bytes
    }
}
