// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Keeps one outbound connection to one higher-index peer: dial, and when the connection
/// fails or closes, dial again after a delay (250 ms, growing to 2 s while the peer is
/// unreachable or keeps refusing us, or the back-off the core imposed after a violation).
final class PeerDialer {
    private let core: NodeCore
    private let tls: PeerTLS
    private let target: UInt16
    private let address: HostPort
    private let limits: (messages: Int, bytes: Int)
    private var failures = 0
    private var connected: Channel?
    private var stopped = false

    init(core: NodeCore, tls: PeerTLS, target: UInt16, address: HostPort, limits: (messages: Int, bytes: Int)) {
        self.core = core
        self.tls = tls
        self.target = target
        self.address = address
        self.limits = limits
    }

    func start() { dial() }

    func stop() {
        stopped = true
        connected?.close(promise: nil)
    }

    private func dial() {
        guard !stopped, !core.stopping else { return }
        let remaining = core.backoffRemaining(target)
        if remaining > 0 { return retry(after: remaining) }
        let core = self.core, tls = self.tls, target = self.target, limits = self.limits
        let bootstrap = ClientBootstrap(group: core.loop)
            .connectTimeout(.seconds(2))
            .channelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                let identity = PeerIdentity(expected: target)
                do {
                    let verify = tls.verifier(identity: identity, logger: core.logger) { core.refused($0) }
                    let ssl = try NIOSSLClientHandler(context: tls.clientContext, serverHostname: nil,
                                                      customVerificationCallback: verify)
                    try channel.pipeline.syncOperations.addHandlers([
                        ssl,
                        ByteToMessageHandler(FrameDecoder()),
                        MessageToByteHandler(FrameEncoder()),
                        PeerHandler(core: core, identity: identity,
                                    limiter: RateLimiter(messagesPerSecond: limits.messages, bytesPerSecond: limits.bytes)),
                    ])
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        bootstrap.connect(host: address.host, port: address.port).whenComplete { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let channel):
                self.connected = channel
                let opened = RunClock.monotonicMillis()
                channel.closeFuture.whenComplete { [weak self] _ in
                    guard let self else { return }
                    self.connected = nil
                    // A link that lasted under a second was refused (the peer backs us off,
                    // or the handshake failed): slow down like for an unreachable peer
                    // instead of knocking four times a second.
                    if RunClock.monotonicMillis() &- opened < 1_000 {
                        self.failures += 1
                        self.retry(after: UInt64(min(2_000, 250 * self.failures)))
                    } else {
                        self.failures = 0
                        self.retry(after: 250)
                    }
                }
            case .failure(let error):
                self.failures += 1
                if self.failures == 1 || self.failures % 20 == 0 {
                    core.logger.debug("dial failed", metadata: ["peer": "\(target)", "error": "\(error)"])
                }
                self.retry(after: UInt64(min(2_000, 250 * self.failures)))
            }
        }
    }

    private func retry(after ms: UInt64) {
        guard !stopped, !core.stopping else { return }
        core.loop.scheduleTask(in: .milliseconds(Int64(ms))) { [weak self] in self?.dial() }
    }
}
