// SPDX-License-Identifier: Apache-2.0
import Glibc

/// A minimal blocking HTTP/1.1 client for `submit` (one request per connection, the answer
/// read until the server closes). Enough for a test harness talking to 127.0.0.1; the node
/// itself never uses it.
enum HTTPClient {
    struct Response {
        let status: Int
        let body: String
    }

    static func request(_ address: HostPort, method: String, path: String, body: [UInt8] = []) throws -> Response {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address.host, String(address.port), &hints, &list) == 0, let first = list else {
            throw NodeFailure("cannot resolve \(address.host)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw NodeFailure("socket failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw NodeFailure("cannot connect to \(address.host):\(address.port)")
        }
        let head = "\(method) \(path) HTTP/1.1\r\nHost: \(address.host)\r\nConnection: close\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: \(body.count)\r\n\r\n"
        try sendAll(fd, Array(head.utf8) + body)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return recv(fd, base, raw.count, 0)
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            answer += buffer[0..<n]
        }
        let text = String(decoding: answer, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw NodeFailure("malformed HTTP answer") }
        let statusLine = text[..<split.lowerBound].split(separator: "\r\n").first ?? ""
        let fields = statusLine.split(separator: " ")
        guard fields.count >= 2, let status = Int(fields[1]) else { throw NodeFailure("malformed HTTP status line") }
        return Response(status: status, body: String(text[split.upperBound...]))
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(fd, base, raw.count, Int32(MSG_NOSIGNAL))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw NodeFailure("send failed") }
            off += n
        }
    }
}
