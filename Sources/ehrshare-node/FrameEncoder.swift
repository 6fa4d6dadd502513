// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Writes one frame per message.
final class FrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = PeerMessage

    func encode(data: PeerMessage, out: inout ByteBuffer) throws {
        let payload = data.payload
        out.writeInteger(data.kind.rawValue)
        out.writeInteger(UInt32(truncatingIfNeeded: payload.count))
        out.writeBytes(payload)
    }
}
