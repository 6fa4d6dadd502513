// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// The ledger's identity verifier is never reached (only node-signed votes are submitted);
/// it refuses everything so that a stray identity transaction could not pass.
struct RefuseIdentities: IdentitySignatureVerifier {
    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool { false }
}
