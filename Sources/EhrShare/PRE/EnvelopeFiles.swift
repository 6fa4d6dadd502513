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
        let output = open(outPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw ioFailure("cannot create \(outName)") }

        var source = FileDescriptorSource(fd: input)
        var sink = FileDescriptorSink(fd: output)
        var outputOpen = true
        do {
            try body(&source, &sink, UInt64(max(0, inStat.st_size)))
            // close() releases the descriptor even when it fails (Linux), so it
            // must not be closed again: the number may already be reused.
            outputOpen = false
            guard close(output) == 0 else { throw ioFailure("cannot close \(outName)") }
        } catch {
            if outputOpen { close(output) }
            unlink(outPath)
            let f = cabiFailure(for: error)
            // Name the file for I/O errors; data errors keep their own message.
            throw f.status == EHR_ERR_STORAGE ? CABIFailure(f.status, "\(f.message) (\(inName) -> \(outName))") : f
        }
    }

    private static func ioFailure(_ what: String) -> CABIFailure {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        return CABIFailure(EHR_ERR_STORAGE, "\(what): \(reason)")
    }
}
