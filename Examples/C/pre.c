/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A C host of the proxy re-encryption section: a hospital seals a record to
 * its patient, the patient delegates it to a doctor through a proxy that
 * only rewrites the header, and the doctor signs a request that a replay
 * guard accepts once. Output is deterministic (compared with pre.exp by
 * bindings/python/tests/test_pre_c_host.py).
 *
 * Identity keys normally come from the authorities' threshold extraction;
 * this example stands in for them with a fixed test master secret s and the
 * byte-level primitives (ske = s*H1e(id), sks = s*H1s(id), y = s*g2).
 */
#include <stdio.h>
#include <stdlib.h>
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

static const char H1E[] = "EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_";
static const char H1S[] = "EHRSHARE-V1-H1SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_";

/* key = s * H(id) with the given tag. */
static int derive(uint8_t key[EHR_G1_BYTES], const uint8_t s[EHR_SCALAR_BYTES],
                  const char *id, const char *dst) {
    uint8_t q[EHR_G1_BYTES];
    return ehr_g1_hash(q, (const uint8_t *)id, strlen(id), (const uint8_t *)dst,
                          strlen(dst)) == EHR_OK &&
           ehr_g1_mul(key, q, s) == EHR_OK;
}

static ehr_identity_key *import(const ehr_pre_context *ctx, const uint8_t s[EHR_SCALAR_BYTES],
                                const char *id) {
    uint8_t ske[EHR_G1_BYTES], sks[EHR_G1_BYTES];
    ehr_identity_key *key = NULL;
    if (!derive(ske, s, id, H1E) || !derive(sks, s, id, H1S)) return NULL;
    ehr_status st = ehr_identity_key_new(&key, ctx, (const uint8_t *)id, strlen(id), ske, sks);
    memset(ske, 0, sizeof ske);
    memset(sks, 0, sizeof sks);
    return st == EHR_OK ? key : NULL;
}

int main(void) {
    static const char alice[] = "patient:alice", bob[] = "doctor:bob";
    static const char record[] = "discharge summary, ward 7";
    static const char rid[] = "ledger:record/42";
    const uint64_t now = 1764000000000ull;
    uint8_t s[EHR_SCALAR_BYTES] = {0}, g2[EHR_G2_BYTES], y[EHR_G2_BYTES], fp[EHR_FINGERPRINT_BYTES];
    ehr_pre_context *ctx = NULL;
    ehr_replay_guard *guard = NULL;
    size_t n = 0, sealed_len = 0, hlen = 0;

    if (ehr_init(EHR_ABI_VERSION) != EHR_OK) return 1;
    s[31] = 42;
    s[0] = 0x1c;
    expect(ehr_g2_get_generator(g2) == EHR_OK && ehr_g2_mul(y, g2, s) == EHR_OK &&
               ehr_pre_context_new(&ctx, y) == EHR_OK &&
               ehr_pre_context_get_fingerprint(ctx, fp) == EHR_OK,
           "context from y");
    ehr_identity_key *ka = import(ctx, s, alice), *kb = import(ctx, s, bob);
    expect(ka != NULL && kb != NULL, "identity keys imported and checked against y");

    /* Seal: ask for the size, allocate, seal. */
    ehr_status st = ehr_envelope_seal(ctx, NULL, 0, &sealed_len, (const uint8_t *)alice,
                                      strlen(alice), (const uint8_t *)rid, strlen(rid),
                                      (const uint8_t *)record, strlen(record));
    printf("size query -> %s, %zu bytes\n", ehr_status_string(st), sealed_len);
    uint8_t *sealed = malloc(sealed_len);
    uint8_t plain[64];
    st = ehr_envelope_seal(ctx, sealed, sealed_len, &sealed_len, (const uint8_t *)alice,
                           strlen(alice), (const uint8_t *)rid, strlen(rid),
                           (const uint8_t *)record, strlen(record));
    expect(st == EHR_OK, "record sealed to patient:alice");
    st = ehr_envelope_open(ka, plain, sizeof plain, &n, sealed, sealed_len);
    expect(st == EHR_OK && n == strlen(record) && memcmp(plain, record, n) == 0,
           "alice opens her record");
    st = ehr_envelope_open(kb, plain, sizeof plain, &n, sealed, sealed_len);
    printf("bob opens alice's record -> %s\n", ehr_status_string(st));

    /* Delegation: the proxy converts the header only; bob opens it with the
     * unchanged body. */
    uint8_t rk[1024], h2[2048];
    size_t rk_len = 0, h2_len = 0;
    expect(ehr_rekey_create(ka, rk, sizeof rk, &rk_len, (const uint8_t *)bob, strlen(bob)) == EHR_OK &&
               ehr_envelope_get_header_length(&hlen, sealed, sealed_len) == EHR_OK &&
               ehr_envelope_reencrypt(h2, sizeof h2, &h2_len, rk, rk_len, sealed, hlen) == EHR_OK,
           "proxy converts the header for doctor:bob");
    st = ehr_envelope_open_detached(kb, plain, sizeof plain, &n, h2, h2_len, sealed + hlen,
                                    sealed_len - hlen);
    expect(st == EHR_OK && n == strlen(record) && memcmp(plain, record, n) == 0,
           "bob opens the shared body under his header");
    sealed[sealed_len - 1] ^= 1;
    st = ehr_envelope_open(ka, plain, sizeof plain, &n, sealed, sealed_len);
    printf("one flipped bit -> %s\n", ehr_status_string(st));

    /* A signed access request, accepted once by the owner's replay guard. */
    uint8_t req[512], payload[64];
    size_t req_len = 0;
    expect(ehr_request_create(kb, req, sizeof req, &req_len, (const uint8_t *)rid, strlen(rid),
                              now) == EHR_OK &&
               ehr_replay_guard_new(&guard, 300000, 1024) == EHR_OK,
           "request signed by doctor:bob");
    st = ehr_signature_verify(ctx, payload, sizeof payload, &n, guard, (const uint8_t *)bob, strlen(bob),
                    EHR_PURPOSE_ACCESS_REQUEST, req, req_len, now + 1000);
    printf("first verify -> %s\n", ehr_status_string(st));
    st = ehr_signature_verify(ctx, payload, sizeof payload, &n, guard, (const uint8_t *)bob, strlen(bob),
                    EHR_PURPOSE_ACCESS_REQUEST, req, req_len, now + 2000);
    printf("second verify -> %s\n", ehr_status_string(st));
    st = ehr_signature_verify(ctx, payload, sizeof payload, &n, NULL, (const uint8_t *)alice,
                    strlen(alice), EHR_PURPOSE_ACCESS_REQUEST, req, req_len, now);
    printf("verify as alice's -> %s\n", ehr_status_string(st));

    /* Misuse is a status, never a crash. (volatile hides the NULL from the
     * compiler, which would otherwise flag it through EHR_NONNULL.) */
    ehr_pre_context *none = NULL;
    const uint8_t *volatile missing = NULL;
    st = ehr_pre_context_new(&none, missing);
    printf("NULL y -> %s\n", ehr_status_string(st));

    free(sealed);
    ehr_replay_guard_free(guard);
    ehr_identity_key_free(ka);
    ehr_identity_key_free(kb);
    ehr_pre_context_free(ctx);
    ehr_pre_context_free(NULL);
    printf("%s\n", failures == 0 ? "all checks passed" : "some checks FAILED");
    return failures == 0 ? 0 : 1;
}
