// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Frames on the TLS stream: `type u8 ‖ length u32 (big-endian) ‖ payload[length]`.
///
/// The decoder checks the type and the length against the type's cap as soon as the five
/// header bytes are in, before buffering the payload, so a peer cannot make a node hold
/// more than one capped frame in memory. A frame that does not decode as its type is a
/// violation too.
final class FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = PeerMessage

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes >= 5,
            let typeByte = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
            let length = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt32.self)
        else { return .needMoreData }
        guard let kind = PeerMessage.Kind(rawValue: typeByte) else {
            throw PeerViolation("unknown frame type \(typeByte)")
        }
        guard Int(length) <= kind.maxPayload else {
            throw PeerViolation("\(kind) frame of \(length) bytes exceeds its cap of \(kind.maxPayload)")
        }
        guard buffer.readableBytes >= 5 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 5)
        guard let payload = buffer.readBytes(length: Int(length)) else { return .needMoreData }
        guard let message = PeerMessage.decode(kind: kind, payload: payload) else {
            throw PeerViolation("malformed \(kind) frame")
        }
        context.fireChannelRead(wrapInboundOut(message))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
