// SPDX-License-Identifier: Apache-2.0
import EhrWire
import Foundation
import XCTest

/// The registry of type bytes is one enum, documented in docs/WIRE.md, and the codec, the
/// hash wrapper and the libcrypto/libsqlite3 imports exist once in the tree (issue #11).
final class RegistryTests: XCTestCase {
    /// Every `| 0xNN | case |` row of docs/WIRE.md's registry table.
    private func documentedRows() throws -> [(UInt8, String)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/WIRE.md"), encoding: .utf8)
        var rows: [(UInt8, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| 0x") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let byte = UInt8(cells[0].dropFirst(2), radix: 16) else {
                XCTFail("unparsable registry row: \(line)")
                continue
            }
            rows.append((byte, cells[1]))
        }
        return rows
    }

    func testDocumentedTableEqualsTheEnum() throws {
        let rows = try documentedRows()
        let documented = rows.map { "0x\(String($0.0, radix: 16)) \($0.1)" }
        let registered = WireType.allCases.map { "0x\(String($0.rawValue, radix: 16)) \($0)" }
        XCTAssertEqual(documented, registered, "docs/WIRE.md and WireType disagree")
        XCTAssertEqual(Set(rows.map(\.0)).count, rows.count, "a byte documented twice")
    }

    func testEveryIssueNamedTypeIsRegistered() {
        XCTAssertEqual(WireType.dkgSigned.rawValue, 0x08)
        XCTAssertEqual(WireType.dkgSealed.rawValue, 0x09)
        XCTAssertEqual(WireType.rekeyShare.rawValue, 0x25)
        XCTAssertEqual(WireType.fragment.rawValue, 0x26)
        let ledger = WireType.allCases.filter { $0.rawValue >= 0x50 }.map(\.rawValue)
        XCTAssertEqual(ledger, [0x50, 0x51, 0x52, 0x53, 0x54, 0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67])
        for t in WireType.allCases { XCTAssertEqual(t.header, Wire.magic + [Wire.version, t.rawValue]) }
    }

    /// Source files of Sources/<module>/ (recursively) as (module, path, text).
    private func sources() throws -> [(module: String, path: String, text: String)] {
        let root = repositoryRoot.appendingPathComponent("Sources")
        var out: [(String, String, String)] = []
        let fm = FileManager.default
        for module in try fm.contentsOfDirectory(atPath: root.path) {
            guard let e = fm.enumerator(atPath: root.appendingPathComponent(module).path) else { continue }
            for case let rel as String in e where rel.hasSuffix(".swift") {
                let path = root.appendingPathComponent(module).appendingPathComponent(rel).path
                out.append((module, "\(module)/\(rel)", try String(contentsOfFile: path, encoding: .utf8)))
            }
        }
        XCTAssertGreaterThan(out.count, 100)
        return out
    }

    /// Only EhrWire sees libcrypto and only EhrSQLite sees libsqlite3, both privately; every
    /// other module, executables included, goes through them.
    func testSystemLibrariesAreImportedOnceAndPrivately() throws {
        for (module, path, text) in try sources() {
            for line in text.split(separator: "\n") where line.contains("import COpenSSL") {
                XCTAssertTrue(module == "EhrWire" && line.hasPrefix("internal import"), "\(path): \(line)")
            }
            for line in text.split(separator: "\n") where line.contains("import CSQLite") {
                XCTAssertTrue(module == "EhrSQLite" && line.hasPrefix("internal import"), "\(path): \(line)")
            }
        }
    }

    /// No second wire codec, registry, SHA-256 or Ed25519 anywhere in Sources.
    func testNoSecondCodecOrHashWrapper() throws {
        let patterns = ["struct WireReader", "struct WireWriter", "enum WireType", "enum ObjectType",
                        "enum ProvisionalWireType", "EVP_sha256", "EVP_PKEY_ED25519", "EVP_PKEY_X25519",
                        "EVP_aes_256_gcm", "RAND_bytes(", "OPENSSL_cleanse(", "sqlite3_open"]
        for (module, path, text) in try sources() where module != "EhrWire" && module != "EhrSQLite" {
            for p in patterns {
                XCTAssertFalse(text.contains(p), "\(path) contains \(p)")
            }
        }
    }
}
