// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import Foundation
import NIOCore
import NIOHTTP1

/// The node's small operations endpoint (HTTP/1.1, plain, meant for localhost or an
/// operations network):
///
/// - `GET /metrics` Prometheus text (`NodeMetrics`)
/// - `GET /health` 200 while running, 503 while shutting down
/// - `GET /status` JSON: index, height, tip, irreversible height and hash, peers, pool, next sequence
/// - `GET /hash?height=H` the canonical block hash at H (hex), 404 if none
/// - `POST /tx` body: one transaction's wire encoding; 200 with its id, 400 with the rejection
///
/// Runs on the node's event loop, so it reads the core directly.
final class HTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let maxBody = 2 << 20

    private let core: NodeCore
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(core: NodeCore) { self.core = core }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            tooLarge = false
        case .body(var chunk):
            if body.count + chunk.readableBytes > Self.maxBody {
                tooLarge = true
            } else if let bytes = chunk.readBytes(length: chunk.readableBytes) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let answer: (HTTPResponseStatus, String, String) =
                tooLarge ? (.payloadTooLarge, "text/plain", "body too large\n") : route(head)
            let (status, type, text) = answer
            respond(context, status: status, contentType: type, body: text, keepAlive: head.isKeepAlive)
        }
    }

    private func route(_ head: HTTPRequestHead) -> (HTTPResponseStatus, String, String) {
        let parts = head.uri.split(separator: "?", maxSplits: 1).map(String.init)
        let path = parts.first ?? ""
        let query = parts.count > 1 ? parts[1] : ""
        switch (head.method, path) {
        case (.GET, "/metrics"):
            return (.ok, "text/plain; version=0.0.4", NodeMetrics.render(core))
        case (.GET, "/health"):
            return core.stopping ? (.serviceUnavailable, "text/plain", "stopping\n") : (.ok, "text/plain", "ok\n")
        case (.GET, "/status"):
            return (.ok, "application/json", status(query: query))
        case (.GET, "/hash"):
            guard let h = Self.parameter("height", in: query).flatMap(UInt64.init) else {
                return (.badRequest, "text/plain", "height=H required\n")
            }
            guard let block = try? core.ledger.block(height: h) else { return (.notFound, "text/plain", "no block\n") }
            return (.ok, "text/plain", Hex.encode(block.hash) + "\n")
        case (.POST, "/tx"):
            switch core.submitLocal(body) {
            case .success(let id): return (.ok, "text/plain", Hex.encode(id) + "\n")
            case .failure(let e): return (.badRequest, "text/plain", e.description + "\n")
            }
        default:
            return (.notFound, "text/plain", "not found\n")
        }
    }

    private func status(query: String) -> String {
        let ledger = core.ledger
        let node = Self.parameter("node", in: query).flatMap(UInt16.init) ?? core.index
        let fields: [String: Any] = [
            "index": Int(core.index),
            "height": ledger.height,
            "tip": Hex.encode(ledger.tipHash),
            "irreversible": ledger.lastIrreversibleHeight,
            "irreversibleHash": Hex.encode(ledger.lastIrreversibleHash),
            "peers": core.peers.keys.sorted().map { Int($0) },
            "poolTransactions": core.pool.count,
            "node": Int(node),
            "nextSequence": core.nextSequence(node: node) ?? 0,
            "activeProducers": ledger.activeProducers.map { Int($0) },
            "produced": core.counters.producedBlocks,
            "genesis": Hex.encode(ledger.genesisHash),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func parameter(_ name: String, in query: String) -> String? {
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == name { return String(kv[1]) }
        }
        return nil
    }

    private func respond(_ context: ChannelHandlerContext, status: HTTPResponseStatus, contentType: String, body: String,
                         keepAlive: Bool) {
        let bytes = Array(body.utf8)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(bytes.count)")
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
    }
}
