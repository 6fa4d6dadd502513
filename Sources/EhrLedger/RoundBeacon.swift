// SPDX-License-Identifier: Apache-2.0

/// The seed of each round's schedule, made so that no single producer can grind it
/// (docs/LEDGER.md §4).
///
/// Each block carries its producer's *beacon*: an Ed25519 signature (RFC 8032) with its node
/// key on `"EHRS" 01 54 ‖ genesis hash ‖ round u64`. Ed25519 signatures are deterministic
/// (RFC 8032 §5.1.6: the nonce is a hash of the key and the message), so a producer has exactly
/// one beacon per round and cannot choose it; it can only withhold its block and lose its slot.
/// The chain folds every block's beacon into an accumulator,
/// `acc' = SHA-256("EHRS-V1-ROUND-SEED" ‖ acc ‖ beacon)`, starting from the genesis hash, and a
/// round's schedule is shuffled from the accumulator at the round's start. Before this, the
/// schedule was seeded by the last block's hash, which its producer controls (transaction
/// choice, order) and could grind for a schedule that suits it — and with it the choice of the
/// proxies of threshold requests.
///
/// What remains: the last producers of a round see the other beacons before they decide to
/// produce, so withholding gives them a choice between a few seeds at the price of their
/// slots. The authorities' threshold BLS signature on the round (a beacon that needs t
/// authorities, checked against y) removes that too; it needs the DKG's key shares at the
/// nodes (issue #13).
public enum RoundBeacon {
    /// The bytes a producer signs for `round`.
    public static func message(genesisHash: [UInt8], round: UInt64) -> [UInt8] {
        var w = WireWriter(type: .beacon)
        w.raw(genesisHash)
        w.u64(round)
        return w.bytes
    }

    /// The accumulator after a block with `beacon`.
    static func fold(_ accumulator: [UInt8], _ beacon: [UInt8]) -> [UInt8] {
        SHA256.hash(parts: [tag, accumulator, beacon])
    }

    private static let tag = Array("EHRS-V1-ROUND-SEED".utf8)
}
