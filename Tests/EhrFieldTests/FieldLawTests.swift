// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// The generic field axioms, instantiated for every field type.
final class FieldLawTests: XCTestCase {
    func testFpAxioms() { checkFieldAxioms(Fp.self, rounds: 200, seed: 1) }
    func testFrAxioms() { checkFieldAxioms(Fr.self, rounds: 300, seed: 2) }
    func testFp2Axioms() { checkFieldAxioms(Fp2.self, rounds: 100, seed: 3) }
}
