// SPDX-License-Identifier: Apache-2.0

/// host:port, the port in 1...65535.
struct HostPort: Equatable {
    let host: String
    let port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let h = String(text[..<colon])
        guard !h.isEmpty, let p = Int(text[text.index(after: colon)...]), (1...65535).contains(p) else { return nil }
        host = h
        port = p
    }
}
