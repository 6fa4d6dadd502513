// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The file plumbing of the `ehr_envelope_*_file` calls: open the input and
/// output, run a streaming envelope operation between them, and on any
/// failure remove the output, so that a failed open leaves no plaintext of
/// the chunks verified before the failure (docs/ENVELOPE.md §4) and a failed
/// seal no partial object.
enum EnvelopeFiles {
    /// Runs `body(source, sink, inputSize)` from `inPath` to a fresh `outPath`.
    static func run(
        outPath: UnsafePointer<CChar>?, inPath: UnsafePointer<CChar>?,
        _ body: (inout FileDescriptorSource, inout FileDescriptorSink, UInt64) throws -> Void
    ) throws {
        guard let outPath else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_path is NULL") }
        guard let inPath else { throw CABIFailure(EHR_ERR_NULL_POINTER, "in_path is NULL") }
        // Names for messages only; the calls below take the caller's bytes as they are.
        let outName = String(cString: outPath), inName = String(cString: inPath)
        guard outPath.pointee != 0, inPath.pointee != 0 else { throw CABIFailure(EHR_ERR_PARAM, "a path is empty") }
        guard strcmp(outPath, inPath) != 0 else {
            throw CABIFailure(EHR_ERR_PARAM, "in_path and out_path are the same")
        }

        let input = open(inPath, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw ioFailure("cannot open \(inName) for reading") }
        defer { close(input) }
        var inStat = stat()
        guard fstat(input, &inStat) == 0 else { throw ioFailure("cannot stat \(inName)") }
        // Another name for the same file would be truncated before it is read.
        var outStat = stat()
        if stat(outPath, &outStat) == 0, outStat.st_dev == inStat.st_dev, outStat.st_ino == inStat.st_ino {
            throw CABIFailure(EHR_ERR_PARAM, "in_path and out_path name the same file")
        }
        // The output is written to a new file next to the target (O_EXCL: never an existing
        // file, O_NOFOLLOW: never through a planted symlink, mode 0600 from creation) and
        // renamed over the target only when complete and fsynced. An existing target of
        // another mode is replaced, not rewritten in place (so it does not keep mode 0644),
        // and a target that is a symlink is replaced by the file, not followed.
        let (tempPath, output) = try createTemporary(besides: outName)
        var source = FileDescriptorSource(fd: input)
        var sink = FileDescriptorSink(fd: output)
        var outputOpen = true
        do {
            try body(&source, &sink, UInt64(max(0, inStat.st_size)))
            guard fsync(output) == 0 else { throw ioFailure("cannot fsync \(tempPath)") }
            // close() releases the descriptor even when it fails (Linux), so it
            // must not be closed again: the number may already be reused.
            outputOpen = false
            guard close(output) == 0 else { throw ioFailure("cannot close \(tempPath)") }
            guard rename(tempPath, outPath) == 0 else { throw ioFailure("cannot rename \(tempPath) to \(outName)") }
            syncDirectory(of: outName)
        } catch {
            if outputOpen { close(output) }
            unlink(tempPath)
            // As in ABI 1, a failed call leaves no file at out_path (an old one there could
            // be taken for this call's result). unlink removes a symlink, not its target.
            unlink(outPath)
            let f = cabiFailure(for: error)
            // Name the file for I/O errors; data errors keep their own message.
            throw f.status == EHR_ERR_STORAGE ? CABIFailure(f.status, "\(f.message) (\(inName) -> \(outName))") : f
        }
    }

    /// The directory part of a path ("." for a bare name).
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `<dir>/.<name>.<random>.tmp` with O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600.
    private static func createTemporary(besides target: String) throws -> (String, Int32) {
        let base = target.split(separator: "/").last.map(String.init) ?? "out"
        for _ in 0..<8 {
            let suffix = (try SystemRandom.bytes(8)).map { String($0, radix: 16) }.joined()
            let path = directory(of: target) + "/." + base + "." + suffix + ".tmp"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                // The umask can only remove bits; make the mode exactly 0600.
                guard fchmod(fd, 0o600) == 0 else {
                    let failure = ioFailure("cannot set the mode of \(path)")
                    close(fd)
                    unlink(path)
                    throw failure
                }
                return (path, fd)
            }
            guard errno == EEXIST else { throw ioFailure("cannot create \(path)") }
        }
        throw CABIFailure(EHR_ERR_STORAGE, "cannot create a temporary file beside \(target)")
    }

    /// Makes the rename durable; a failure here leaves a complete file, so it is not an error.
    private static func syncDirectory(of target: String) {
        let fd = open(directory(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    private static func ioFailure(_ what: String) -> CABIFailure {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        return CABIFailure(EHR_ERR_STORAGE, "\(what): \(reason)")
    }
}
