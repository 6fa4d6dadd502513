// SPDX-License-Identifier: Apache-2.0
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File access for keys, certificates and JSON documents.
///
/// Writes go to a temporary file in the same directory, are fsynced and renamed into place,
/// so a crash leaves either the old file or the new one. Secrets are created with mode 0600
/// before any byte is written, so they are never readable by others even for a moment.
enum NodeFiles {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch { throw NodeFailure("cannot create directory \(path): \(error.localizedDescription)") }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw NodeFailure("cannot read \(path)") }
        return [UInt8](data)
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// Writes `bytes` atomically; `secret` files get mode 0600, others 0644.
    static func write(_ path: String, _ bytes: [UInt8], secret: Bool = false) throws {
        let tmp = path + ".tmp"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, secret ? 0o600 : 0o644)
        guard fd >= 0 else { throw NodeFailure("cannot create \(tmp): \(String(cString: strerror(errno)))") }
        var ok = true
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, base + off, raw.count - off)
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    ok = false
                    return
                }
                off += n
            }
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw NodeFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func writeText(_ path: String, _ text: String, secret: Bool = false) throws {
        try write(path, Array(text.utf8), secret: secret)
    }

    static func writeJSON<T: Encodable>(_ path: String, _ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(value) } catch { throw NodeFailure("cannot encode \(path): \(error)") }
        try write(path, [UInt8](data) + [UInt8(ascii: "\n")])
    }

    static func readJSON<T: Decodable>(_ path: String, as type: T.Type) throws -> T {
        let bytes = try read(path)
        do { return try JSONDecoder().decode(type, from: Data(bytes)) } catch {
            throw NodeFailure("\(path) is not a valid \(T.self) file: \(error)")
        }
    }

    /// Joins a directory and a file name.
    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
