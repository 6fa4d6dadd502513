// SPDX-License-Identifier: Apache-2.0
import EhrProtocol
import Synchronization

/// The object behind `ehr_access_policy`: one record's ``AccessPolicy``
/// (a value type) behind a lock, so that grants, revocations and the owner's
/// checks may run on different threads, as the header allows.
final class AccessPolicyHandle: Sendable {
    private let policy: Mutex<AccessPolicy>

    init(_ policy: AccessPolicy) {
        self.policy = Mutex(policy)
    }

    /// A copy of the current policy, for one check.
    var snapshot: AccessPolicy { policy.withLock { $0 } }

    func grant(_ id: Identity, until expiry: UInt64?) {
        policy.withLock { $0.grant(id, until: expiry) }
    }

    func revoke(_ id: Identity) {
        policy.withLock { $0.revoke(id) }
    }
}
