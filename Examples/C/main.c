/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A C host of libehrshare: initialise, report the version and show how
 * errors come back (a status and a thread-local message). Its output is
 * compared with main.exp by the test command, so it prints only values
 * that are deterministic.
 */
#include <stdio.h>
#include <string.h>

#include "ehrshare.h"

static int failures = 0;

static void expect(int ok, const char *what) {
    printf("%s: %s\n", ok ? "ok" : "FAILED", what);
    if (!ok) failures++;
}

int main(void) {
    ehr_status st = ehr_init(EHR_ABI_VERSION);
    if (st != EHR_OK) {
        fprintf(stderr, "ehr_init: %s: %s\n", ehr_status_string(st), ehr_last_error_message());
        return 1;
    }
    printf("libehrshare %s (ABI %u)\n", ehr_version_string(), (unsigned)ehr_abi_version());
    expect(strcmp(ehr_version_string(), EHR_VERSION_STRING) == 0, "library version matches header");

    /* A host compiled against another header is refused, with a reason. */
    st = ehr_init(EHR_ABI_VERSION + 1);
    printf("ehr_init(wrong ABI) -> %s\n", ehr_status_string(st));
    expect(st == EHR_ERR_ABI_MISMATCH, "ABI mismatch is reported");
    expect(strstr(ehr_last_error_message(), "ABI version") != NULL, "error message explains it");

    printf("%s\n", failures == 0 ? "all checks passed" : "some checks FAILED");
    return failures == 0 ? 0 : 1;
}
