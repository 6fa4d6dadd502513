// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore

/// The application end of one peer connection, after TLS and the frame codec.
///
/// Sends our hello as soon as the channel is active (NIOSSL holds it until the handshake
/// is done). The peer's first frame must be its hello: the right version and consortium
/// hash, and the index its certificate proved. Inbound connections are accepted only from
/// lower indices (the lower index dials), so each pair has one connection. Until the hello,
/// nothing else is accepted; after it, every message passes the rate limiter and goes to
/// the core. Any violation closes the connection and backs the peer off.
final class PeerHandler: ChannelInboundHandler {
    typealias InboundIn = PeerMessage
    typealias OutboundOut = PeerMessage

    private let core: NodeCore
    private let identity: PeerIdentity
    private var limiter: RateLimiter
    /// Range requests cost us a disk read and up to 8 MiB out each, so they get a tighter
    /// budget of their own: 20 a second (an honest peer asks for the next range only after
    /// the previous answer arrived).
    private var rangeLimiter = RateLimiter(messagesPerSecond: 20, bytesPerSecond: 1 << 20)
    private var link: PeerLink?
    private var helloTimeout: Scheduled<Void>?
    /// Set once this connection was refused or penalized: frames already decoded from the
    /// same read still arrive before the close completes, and must neither be processed nor
    /// penalized again (each penalty doubles the back-off).
    private var finished = false

    init(core: NodeCore, identity: PeerIdentity, limiter: RateLimiter) {
        self.core = core
        self.identity = identity
        self.limiter = limiter
    }

    func channelActive(context: ChannelHandlerContext) {
        let hello = PeerMessage.hello(version: PeerMessage.version, consortium: core.consortium.consortiumHash, index: core.index)
        context.writeAndFlush(wrapOutboundOut(hello), promise: nil)
        let channel = context.channel
        helloTimeout = context.eventLoop.scheduleTask(in: .seconds(5)) { [weak self] in
            guard self?.link == nil else { return }
            self?.core.refused("no hello within 5 s")
            channel.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        let message = unwrapInboundIn(data)
        guard let link else {
            acceptHello(message, context: context)
            return
        }
        guard limiter.admit(size: message.payloadSize) else {
            return penalize(link, context, "over the rate limit")
        }
        if case .getBlocks = message, !rangeLimiter.admit(size: 0) {
            return penalize(link, context, "over the range request limit")
        }
        do {
            try core.receive(message, from: link)
        } catch let v as PeerViolation {
            penalize(link, context, v.description)
        } catch {
            penalize(link, context, "\(error)")
        }
    }

    private func acceptHello(_ message: PeerMessage, context: ChannelHandlerContext) {
        guard case let .hello(version, consortium, claimed) = message else {
            return refuse(context, "first frame is not a hello")
        }
        guard let proven = identity.index else { return refuse(context, "TLS did not authenticate the peer") }
        guard version == PeerMessage.version else { return refuse(context, "protocol version \(version)") }
        guard consortium == core.consortium.consortiumHash else {
            return refuse(context, "node \(claimed) runs a different genesis or peers list")
        }
        guard claimed == proven else {
            return refuse(context, "hello claims node \(claimed) but the certificate is node \(proven)'s")
        }
        let outbound = identity.expected != nil
        guard outbound || claimed < core.index else {
            return refuse(context, "node \(claimed) must not dial node \(core.index) (the lower index dials)")
        }
        guard core.mayConnect(claimed) else { return refuse(context, "node \(claimed) is backed off") }
        helloTimeout?.cancel()
        let link = PeerLink(index: claimed, channel: context.channel, outbound: outbound)
        self.link = link
        core.peerReady(link)
    }

    private func refuse(_ context: ChannelHandlerContext, _ reason: String) {
        guard !finished else { return }
        finished = true
        core.refused(reason)
        context.close(promise: nil)
    }

    private func penalize(_ link: PeerLink, _ context: ChannelHandlerContext, _ reason: String) {
        guard !finished else { return }
        finished = true
        core.penalize(link.index, channel: context.channel, reason: reason)
    }

    func channelInactive(context: ChannelHandlerContext) {
        helloTimeout?.cancel()
        if let link { core.peerGone(context.channel, index: link.index) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let link, error is PeerViolation { return penalize(link, context, "\(error)") }
        if link == nil, let v = error as? PeerViolation {
            refuse(context, "before hello: \(v)")
            return
        } else {
            core.logger.debug("peer connection error", metadata: ["peer": "\(link?.index.description ?? "?")",
                                                                 "error": "\(error)"])
        }
        context.close(promise: nil)
    }
}
