// SPDX-License-Identifier: Apache-2.0

/// The ledgers' injected clock: simulated time on the Unix-millisecond grid of the genesis.
/// `@unchecked Sendable` because the ledger wants a `@Sendable` clock closure, while the
/// simulator is single-threaded: it is only ever read and written on that one thread.
final class SimClock: @unchecked Sendable {
    var simMillis: UInt64 = 0
    var unixMillis: UInt64 { Workload.genesisTime + simMillis }
}
