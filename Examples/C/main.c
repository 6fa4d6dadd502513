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
#include "ehrshare_keys.h"
#include "ehrshare_pre.h"
#include "ehrshare_ledger.h"

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

    /* BLS12-381: bilinearity on a fresh random scalar, e(a*g1, g2) = e(g1, g2)^a. */
    uint8_t a[EHR_SCALAR_BYTES], g1[EHR_G1_BYTES], g2[EHR_G2_BYTES], ag1[EHR_G1_BYTES];
    uint8_t left[EHR_GT_BYTES], gt[EHR_GT_BYTES], right[EHR_GT_BYTES];
    int ok = ehr_scalar_generate(a) == EHR_OK && ehr_g1_get_generator(g1) == EHR_OK &&
             ehr_g2_get_generator(g2) == EHR_OK && ehr_g1_mul(ag1, g1, a) == EHR_OK &&
             ehr_pairing_compute(left, ag1, g2) == EHR_OK && ehr_gt_get_generator(gt) == EHR_OK &&
             ehr_gt_pow(right, gt, a) == EHR_OK;
    expect(ok && memcmp(left, right, EHR_GT_BYTES) == 0, "e(a*g1, g2) == e(g1, g2)^a");

    /* Identity-based keys start from H1e(id): RFC 9380 hash-to-curve. */
    static const char dst[] = "EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_";
    static const char id[] = "patient:alice";
    uint8_t q[EHR_G1_BYTES];
    st = ehr_g1_hash(q, (const uint8_t *)id, strlen(id), (const uint8_t *)dst, strlen(dst));
    printf("H1e(%s) = %02x%02x%02x%02x...\n", id, q[0], q[1], q[2], q[3]);
    expect(st == EHR_OK, "hash to G1");

    /* Bad input is a status and a reason, never a crash: flip the
     * compression flag of a point. */
    q[0] &= 0x7f;
    st = ehr_g1_check(q);
    printf("ehr_g1_check(bad flags) -> %s (%s)\n", ehr_status_string(st), ehr_last_error_message());
    expect(st == EHR_ERR_ENCODING, "malformed point rejected");

    printf("%s\n", failures == 0 ? "all checks passed" : "some checks FAILED");
    return failures == 0 ? 0 : 1;
}
