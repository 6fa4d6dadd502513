// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// Status numbers for the protocol layer (PROTOCOL.md §11).

extension ProtocolError: CABIReportable {
    var cabiFailure: CABIFailure {
        let status: ehr_status
        switch self {
        case .length: status = EHR_ERR_LENGTH
        case .magic: status = EHR_ERR_MAGIC
        case .version: status = EHR_ERR_VERSION
        case .type: status = EHR_ERR_TYPE
        case .param: status = EHR_ERR_PARAM
        case .scalar: status = EHR_ERR_SCALAR
        case .verify: status = EHR_ERR_VERIFY
        case .decrypt: status = EHR_ERR_DECRYPT
        case .invalidCiphertext: status = EHR_ERR_INVALID_CT
        case .stale: status = EHR_ERR_STALE
        case .replay: status = EHR_ERR_REPLAY
        case .policy: status = EHR_ERR_POLICY
        case .state: status = EHR_ERR_STATE
        case .random: status = EHR_ERR_RANDOM
        }
        return CABIFailure(status, description)
    }
}

/// EhrWire's libcrypto failures reach the C ABI where a call draws randomness or derives a key
/// outside the protocol layer (temporary file names, node keys); they map as the protocol
/// layer maps them: a failed generator is EHR_ERR_RANDOM, the rest EHR_ERR_PARAM.
extension CryptoError: CABIReportable {
    var cabiFailure: CABIFailure { ProtocolError(self).cabiFailure }
}
