// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// Peer message payloads use the library's one codec (EhrWire), headerless: a malformed payload
/// only makes the message undecodable (the peer is then penalised), so the problem itself is
/// not kept.
struct PeerWireError: WireFailure {
    init(wire problem: WireProblem) {}
}

typealias PeerReader = WireReader<PeerWireError>
