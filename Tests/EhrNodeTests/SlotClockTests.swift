// SPDX-License-Identifier: Apache-2.0
import EhrNode
import XCTest

final class SlotClockTests: XCTestCase {
    func testSlotGrid() {
        let clock = SlotClock(genesisTime: 10_000, slotMillis: 250, source: { 10_999 })
        XCTAssertEqual(clock.now, 10_999)
        XCTAssertEqual(clock.currentSlot, 3)
        XCTAssertEqual(clock.start(of: 4), 11_000)
        XCTAssertEqual(clock.millisUntil(slot: 4), 1)
        XCTAssertEqual(clock.millisUntil(slot: 3), 0)
        XCTAssertEqual(clock.nextBlockSlot(tipSlot: 1), 3)
        XCTAssertEqual(clock.nextBlockSlot(tipSlot: 3), 4)
        XCTAssertEqual(clock.slot(at: 5), 0, "before genesis")
        XCTAssertEqual(clock.start(of: UInt64.max), UInt64.max, "saturates")
    }

    func testPinning() {
        let clock = SlotClock(genesisTime: 0, slotMillis: 1000, source: { 5_000 })
        clock.pin(42_000)
        XCTAssertEqual(clock.closure(), 42_000)
        XCTAssertEqual(clock.currentSlot, 42)
        clock.unpin()
        XCTAssertEqual(clock.now, 5_000)
    }

    func testSignatureCacheEvictsOldest() {
        let cache = VerifiedSignatureCache(capacity: 2)
        let keys = (0..<3).map { VerifiedSignatureCache.key(identity: [UInt8($0)], message: [1], signature: [2]) }
        XCTAssertNotEqual(VerifiedSignatureCache.key(identity: [1, 2], message: [3], signature: []),
                          VerifiedSignatureCache.key(identity: [1], message: [2, 3], signature: []),
                          "length prefixes keep the parts apart")
        for k in keys { cache.insert(k) }
        XCTAssertEqual(cache.count, 2)
        XCTAssertFalse(cache.contains(keys[0]))
        XCTAssertTrue(cache.contains(keys[1]))
        XCTAssertTrue(cache.contains(keys[2]))
    }

    func testVerifierWithoutMasterKeyRefuses() {
        let v = LedgerSignatureVerifier(context: nil)
        XCTAssertFalse(v.verify(identity: [1], message: [2], signature: [3]))
    }
}
