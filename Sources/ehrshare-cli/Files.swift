// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Whole-file I/O through Glibc; writes go to a temporary file that is renamed into place.
enum Files {
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func makeDirectory(_ path: String) throws(CLIError) {
        if isDirectory(path) { return }
        guard mkdir(path, 0o700) == 0 else { throw .failure("cannot create directory \(path) (errno \(errno))") }
    }

    /// Takes an exclusive lock on `path` (created if needed) for the rest of the process, so that
    /// two commands on one node directory run one after the other.
    static func lockForProcess(_ path: String) throws(CLIError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .failure("cannot open lock file \(path) (errno \(errno))") }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw .failure("cannot lock \(path) (errno \(errno))")
        }
        // The descriptor stays open: the lock is released when the process exits.
    }

    static func read(_ path: String) throws(CLIError) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw .failure("cannot open \(path) (errno \(errno))") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                guard ferror(f) == 0 else { throw .failure("cannot read \(path)") }
                return out
            }
        }
    }

    /// Writes `bytes` to `path` atomically: temp file (mode 0600: keys and health records are
    /// private), fsync, rename.
    static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(CLIError) {
        let temp = path + ".tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .failure("cannot create \(temp) (errno \(errno))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard offset == bytes.count, synced else {
            unlink(temp)
            throw .failure("cannot write \(temp)")
        }
        guard rename(temp, path) == 0 else {
            unlink(temp)
            throw .failure("cannot rename \(temp) to \(path) (errno \(errno))")
        }
    }
}
