// SPDX-License-Identifier: Apache-2.0
import Foundation
import XCTest

/// The repository root, found from this file's path (Tests/EhrWireTests/TestSupport.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(s.utf8)[...]
    while chars.count >= 2, let v = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) {
        out.append(v)
        chars = chars.dropFirst(2)
    }
    return out
}

/// Loads `Tests/Vectors/<name>` as a JSON object.
func vectorFile(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Vectors/\(name)"))
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The entries of one section of a vector file.
func entries(_ doc: [String: Any], _ key: String) throws -> [[String: Any]] {
    let list = try XCTUnwrap(doc[key] as? [[String: Any]], "section \(key)")
    XCTAssertFalse(list.isEmpty, "section \(key) is empty")
    return list
}

extension Dictionary where Key == String, Value == Any {
    func bytes(_ key: String) throws -> [UInt8] {
        let s = try XCTUnwrap(self[key] as? String, "field \(key)")
        let b = hex(s)
        XCTAssertEqual(b.count * 2, s.count, "field \(key) is not hex")
        return b
    }
}
