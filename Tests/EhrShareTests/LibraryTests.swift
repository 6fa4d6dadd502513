// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrShare
import XCTest

/// The library section of the C ABI, called as a C host would call it.
final class LibraryTests: XCTestCase {
    func testInitAcceptsOwnABIAndRejectsOthers() {
        XCTAssertEqual(ehr_init(UInt32(EHR_ABI_VERSION)), EHR_OK)
        XCTAssertEqual(String(cString: ehr_last_error_message()), "")
        XCTAssertEqual(ehr_init(UInt32(EHR_ABI_VERSION) + 1), EHR_ERR_ABI_MISMATCH)
        XCTAssertTrue(String(cString: ehr_last_error_message()).contains("ABI version"))
        // A successful call clears the message again.
        XCTAssertEqual(ehr_init(UInt32(EHR_ABI_VERSION)), EHR_OK)
        XCTAssertEqual(String(cString: ehr_last_error_message()), "")
    }

    func testVersionMatchesHeader() {
        XCTAssertEqual(String(cString: ehr_version_string()), EHR_VERSION_STRING)
        XCTAssertEqual(ehr_abi_version(), UInt32(EHR_ABI_VERSION))
    }

    func testStatusStringsNameEveryCode() {
        XCTAssertEqual(String(cString: ehr_status_string(EHR_OK)), "EHR_OK")
        XCTAssertEqual(String(cString: ehr_status_string(EHR_ERR_SUBGROUP)), "EHR_ERR_SUBGROUP")
        XCTAssertEqual(String(cString: ehr_status_string(ehr_status(rawValue: 12345))), "EHR_ERR_UNKNOWN")
    }

    func testErrorMessageIsThreadLocal() {
        XCTAssertEqual(ehr_init(999), EHR_ERR_ABI_MISMATCH)
        var other = "unset"
        let t = Thread { other = String(cString: ehr_last_error_message()) }
        let done = expectation(description: "thread")
        let t2 = Thread {
            t.main()
            done.fulfill()
        }
        t2.start()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(other, "")
        XCTAssertFalse(String(cString: ehr_last_error_message()).isEmpty)
    }
}
