// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// A level-1 ciphertext as the threshold calls take it: a CT1 object, or a
/// SEALED1 input (header alone or whole object), told apart by the type
/// byte. Proxies work on IBP1 capsules and on stored records alike. A record
/// is borrowed from the caller (see ``SealedInput``); only a CT1 (680 bytes
/// and an identity) is copied.
enum LevelOneInput {
    case capsule(Ciphertext1)
    case sealed(SealedHeader1, SealedInput)

    init(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws {
        let bytes = try Arguments.borrowed(pointer, length, name)
        if bytes.count > 5, bytes[5] == WireType.ct1.rawValue {
            self = .capsule(try Ciphertext1(encoded: Array(bytes)))
        } else {
            let input = try SealedInput(borrowing: bytes)
            self = .sealed(try input.level1, input)
        }
    }

    /// The IBP1 capsule the fragment is computed on.
    var ciphertext: Ciphertext1 {
        switch self {
        case let .capsule(c): return c
        case let .sealed(h, _): return h.capsule
        }
    }
}
