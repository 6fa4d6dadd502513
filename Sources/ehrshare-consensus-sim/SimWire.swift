// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// The simulator's own messages (PBFT, PoW) use the library's one codec (EhrWire), headerless;
/// DPoS messages are the ledger's own encodings. A decoding fault only makes a simulated
/// replica drop the message, so the problem itself is not kept.
struct SimWireError: WireFailure {
    init(wire problem: WireProblem) {}
}

typealias WireIn = WireReader<SimWireError>

/// Largest payload a simulated message may carry.
let simMaxBlob = 1 << 24
