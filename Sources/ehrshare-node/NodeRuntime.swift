// SPDX-License-Identifier: Apache-2.0
import EhrStore
import Dispatch
import EhrLedger
import EhrNode
import Glibc
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A running node: loads and checks genesis, keys and the ledger, listens for peers and
/// HTTP, dials the higher-index peers, and shuts down cleanly on SIGTERM or SIGINT.
///
/// One event loop thread carries everything (see `NodeCore`); a second core is left to
/// SQLite's fsyncs and the operating system.
final class NodeRuntime {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let logger: Logger
    private let config: NodeConfig
    private var core: NodeCore?
    private var dialers: [PeerDialer] = []
    private var listeners: [Channel] = []
    private var signalSources: [DispatchSourceSignal] = []
    private let stopped = DispatchSemaphore(value: 0)

    init(config: NodeConfig, logger: Logger) {
        self.config = config
        self.logger = logger
    }

    /// Starts the node and blocks until it has shut down.
    func run() throws {
        let files = NodeDirectory(dir: config.dataDir)
        try lockDataDirectory(files)
        let consortium = try ConsortiumGenesis.load(config.genesis)
        let genesis = consortium.genesis
        guard Int(config.index) < genesis.nodes.count else {
            throw NodeFailure("index \(config.index) is not in genesis (\(genesis.nodes.count) nodes)")
        }
        let key = try KeygenCommand.loadKey(files)
        guard key.publicKey == genesis.nodes[Int(config.index)].key else {
            throw NodeFailure("\(files.nodeKey) is not the key genesis registers for index \(config.index)")
        }
        let ownCert = try NodeFiles.readText(files.tlsCertificate)
        guard try TLSIdentity.fingerprint(certificatePEM: ownCert) == consortium.fingerprints[Int(config.index)] else {
            throw NodeFailure("\(files.tlsCertificate) is not the certificate genesis pins for index \(config.index)")
        }
        guard let listen = HostPort(config.listen) else { throw NodeFailure("listen \(config.listen) is not host:port") }
        let tls = try PeerTLS(certificatePath: files.tlsCertificate, keyPath: files.tlsKey, consortium: consortium)

        let clock = SlotClock(genesisTime: genesis.genesisTime, slotMillis: genesis.slotMillis)
        let ledger: Ledger
        do {
            ledger = try Ledger.open(path: files.ledger, genesis: genesis, verifier: LedgerSignatureVerifier(context: nil),
                                     clock: clock.closure)
        } catch { throw NodeFailure("cannot open the ledger \(files.ledger): \(error)") }
        if let cut = ledger.openReport.truncatedFrom {
            logger.warning("ledger tail was damaged and cut", metadata: ["from": "\(cut)"])
        }
        // A block holds the whole pool, so the pool's byte limit keeps blocks under the frame cap.
        let pool = TransactionPool(ledger: ledger, clock: clock,
                                   limits: .init(maxCount: 5_000, maxBytes: 8 << 20, maxTransactionBytes: 1 << 20))
        let loop = group.next()
        let core = NodeCore(loop: loop, index: config.index, consortium: consortium, ledger: ledger, pool: pool,
                            clock: clock, key: key, logger: logger)
        self.core = core
        logger.info("ledger opened", metadata: [
            "height": "\(ledger.height)", "irreversible": "\(ledger.lastIrreversibleHeight)",
            "genesis": "\(Hex.short(ledger.genesisHash))", "nodes": "\(genesis.nodes.count)",
        ])
        let limits = (messages: config.peerMessagesPerSecond ?? 2_000, bytes: config.peerBytesPerSecond ?? (32 << 20))

        do {
            listeners.append(try peerServer(core: core, tls: tls, limits: limits)
                .bind(host: listen.host, port: listen.port).wait())
            listeners.append(try httpServer(core: core)
                .bind(host: config.metricsHost ?? "127.0.0.1", port: config.metricsPort).wait())
        } catch {
            try? group.syncShutdownGracefully()
            throw NodeFailure("cannot listen: \(error)")
        }
        try loop.submit {
            core.start()
            for j in (Int(self.config.index) + 1)..<genesis.nodes.count {
                let d = PeerDialer(core: core, tls: tls, target: UInt16(j), address: consortium.addresses[j], limits: limits)
                self.dialers.append(d)
                d.start()
            }
        }.wait()
        installSignalHandlers(loop: loop)
        logger.info("node running", metadata: ["index": "\(config.index)", "listen": "\(config.listen)",
                                               "http": "\(config.metricsPort)"])
        stopped.wait()
    }

    /// Takes an exclusive flock on the data directory for the life of the process. The
    /// descriptor is never closed: the kernel releases the lock when the process ends, by
    /// kill -9 too, so a restarted node is never locked out by its dead predecessor.
    private func lockDataDirectory(_ files: NodeDirectory) throws {
        let fd = open(files.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NodeFailure("cannot open \(files.lock): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw NodeFailure("another process runs a node on \(files.dir)")
        }
    }

    private func peerServer(core: NodeCore, tls: PeerTLS, limits: (messages: Int, bytes: Int)) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                // Consortium members need one connection each (two while one replaces another);
                // strangers past the limit are dropped before they cost a TLS handshake.
                guard core.inboundConnections < core.maxInboundConnections else {
                    core.refused("too many inbound connections")
                    return channel.eventLoop.makeFailedFuture(PeerViolation("too many inbound connections"))
                }
                core.inboundConnections += 1
                channel.closeFuture.whenComplete { _ in core.inboundConnections -= 1 }
                let identity = PeerIdentity(expected: nil)
                let verify = tls.verifier(identity: identity, logger: core.logger) { core.refused($0) }
                let ssl = NIOSSLServerHandler(context: tls.serverContext, customVerificationCallback: verify)
                do {
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
    }

    private func httpServer(core: NodeCore) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(HTTPHandler(core: core))
                }
            }
    }

    private func installSignalHandlers(loop: EventLoop) {
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                loop.execute { self?.shutdown(signal: sig) }
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Stops producing, closes peers and listeners, then the event loop. Every block the
    /// node acknowledged is already fsynced, so nothing else needs flushing.
    private func shutdown(signal sig: Int32) {
        guard let core, !core.stopping else { return }
        logger.info("shutting down", metadata: ["signal": "\(sig)", "height": "\(core.ledger.height)"])
        core.stop()
        for d in dialers { d.stop() }
        let closes = listeners.map { $0.close() }
        EventLoopFuture.andAllComplete(closes, on: core.loop).whenComplete { [self] _ in
            group.shutdownGracefully(queue: .global()) { _ in self.stopped.signal() }
        }
    }
}
