// SPDX-License-Identifier: Apache-2.0

/// Type bytes for the threshold-proxy objects of PROTOCOL.md §6.1, which §10
/// does not list yet. Proposed for §10 (the lead may move them into
/// `WireType`): 0x25 REKEY_SHARE, 0x26 REENC_FRAGMENT. The objects use the
/// same header and field encodings as every v1 object.
enum ProvisionalWireType: UInt8 {
    case rekeyShare = 0x25
    case reencryptionFragment = 0x26

    /// `"EHRS" ‖ 0x01 ‖ type`, then the body is appended with a headerless `WireWriter`.
    var header: [UInt8] { Wire.magic + [Wire.version, rawValue] }

    /// Checks the 6-byte header with the errors of §11 rule 1 and returns a
    /// reader over the body.
    func reader(_ bytes: [UInt8]) throws(ProtocolError) -> WireReader {
        guard bytes.count >= Wire.headerBytes else {
            throw .length("object of \(bytes.count) bytes is shorter than its 6-byte header")
        }
        guard Array(bytes[0..<4]) == Wire.magic else { throw .magic }
        guard bytes[4] == Wire.version else { throw .version(bytes[4]) }
        guard bytes[5] == rawValue else { throw .type(expected: rawValue, actual: bytes[5]) }
        return WireReader(raw: Array(bytes[Wire.headerBytes...]))
    }
}
