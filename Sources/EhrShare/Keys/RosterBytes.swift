// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// The C form of a DKG roster: n entries back to back, each
/// `id(name) ‖ Ed25519 public key (32) ‖ X25519 public key (32)`, with
/// `id` = big-endian u16 length ‖ 1–1024 bytes of UTF-8 (PROTOCOL.md §10).
///
/// It is the per-authority part of the session-id preimage of `DKGSession`,
/// so a host that stores the roster bytes on the ledger stores exactly what
/// the session id binds. A flat byte string keeps the call to one
/// `(pointer, length)` pair instead of arrays of names and keys.
enum RosterBytes {
    /// Largest roster accepted before parsing: 256 entries of the largest size.
    static let maxBytes = DKGSession.maxAuthorities * (2 + 1024 + Int(EHR_DKG_NODE_PUBLIC_KEY_BYTES))

    /// Splits and validates the entries.
    /// - Throws: `CABIFailure(EHR_ERR_LENGTH)` for a truncated entry;
    ///   `ProtocolError.param` for an invalid name or node key, naming the entry.
    static func parse(_ bytes: [UInt8]) throws -> [DKGRosterEntry] {
        var entries: [DKGRosterEntry] = []
        var at = 0
        while at < bytes.count {
            let k = entries.count + 1
            guard bytes.count - at >= 2 else {
                throw CABIFailure(EHR_ERR_LENGTH, "roster entry \(k) is truncated in its name length")
            }
            let nameLength = Int(bytes[at]) << 8 | Int(bytes[at + 1])
            let entryLength = 2 + nameLength + Int(EHR_DKG_NODE_PUBLIC_KEY_BYTES)
            guard bytes.count - at >= entryLength else {
                throw CABIFailure(EHR_ERR_LENGTH, "roster entry \(k) needs \(entryLength) bytes, \(bytes.count - at) remain")
            }
            let nameEnd = at + 2 + nameLength
            do {
                let name = try Identity(validating: Array(bytes[(at + 2)..<nameEnd]))
                let keys = try DKGNodePublicKey(signing: Array(bytes[nameEnd..<(nameEnd + 32)]),
                                                agreement: Array(bytes[(nameEnd + 32)..<(nameEnd + 64)]))
                entries.append(DKGRosterEntry(name: name, keys: keys))
            } catch {
                let failure = cabiFailure(for: error)
                throw CABIFailure(failure.status, "roster entry \(k): \(failure.message)")
            }
            at += entryLength
        }
        return entries
    }
}
