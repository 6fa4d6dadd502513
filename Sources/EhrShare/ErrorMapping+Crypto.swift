// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrField
import EhrPairing

// Status numbers for the BLS12-381 layers (PROTOCOL.md §11 rules 1, 3, 4, 5).

extension FieldError: CABIReportable {
    var cabiFailure: CABIFailure {
        switch self {
        case let .wrongLength(expected, actual):
            return CABIFailure(EHR_ERR_LENGTH, "expected \(expected) bytes, got \(actual)")
        case .notCanonical:
            return CABIFailure(EHR_ERR_SCALAR, "scalar is not below the group order r")
        case .zero:
            return CABIFailure(EHR_ERR_SCALAR, "zero is not allowed here")
        case .randomFailure:
            return CABIFailure(EHR_ERR_RANDOM, "the system random generator failed")
        }
    }
}

extension CurveError: CABIReportable {
    var cabiFailure: CABIFailure {
        switch self {
        case let .wrongLength(expected, actual):
            return CABIFailure(EHR_ERR_LENGTH, "expected \(expected) bytes, got \(actual)")
        case .badFlags:
            return CABIFailure(EHR_ERR_ENCODING, "point encoding has invalid flag bits")
        case .nonCanonicalCoordinate:
            return CABIFailure(EHR_ERR_ENCODING, "point coordinate is not below p")
        case .notOnCurve:
            return CABIFailure(EHR_ERR_ENCODING, "point is not on the curve")
        case .notInSubgroup:
            return CABIFailure(EHR_ERR_SUBGROUP, "point is not in the prime-order subgroup")
        case .identity:
            return CABIFailure(EHR_ERR_IDENTITY, "the identity point is not allowed here")
        case .invalidHashParameters:
            return CABIFailure(EHR_ERR_PARAM, "domain separation tag must be 1 to 255 bytes")
        }
    }
}

extension PairingError: CABIReportable {
    var cabiFailure: CABIFailure {
        switch self {
        case let .wrongLength(expected, actual):
            return CABIFailure(EHR_ERR_LENGTH, "expected \(expected) bytes, got \(actual)")
        case .nonCanonical:
            return CABIFailure(EHR_ERR_ENCODING, "GT coefficient not below p, or zero element")
        case .notInSubgroup:
            return CABIFailure(EHR_ERR_SUBGROUP, "GT element is not in the order-r subgroup")
        case .identity:
            return CABIFailure(EHR_ERR_IDENTITY, "the GT identity is not allowed here")
        }
    }
}
