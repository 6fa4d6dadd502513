// SPDX-License-Identifier: Apache-2.0
import EhrProtocol

/// A level-1 ciphertext as the threshold calls take it: a CT1 object, or a
/// SEALED1 input (header alone or whole object), told apart by the type
/// byte. Proxies work on IBP1 capsules and on stored records alike.
enum LevelOneInput {
    case capsule(Ciphertext1)
    case sealed(SealedHeader1, SealedInput)

    init(_ bytes: [UInt8]) throws {
        if bytes.count > 5, bytes[5] == WireType.ct1.rawValue {
            self = .capsule(try Ciphertext1(encoded: bytes))
        } else {
            let input = try SealedInput(bytes)
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
