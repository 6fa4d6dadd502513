/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The common sharing workflow through the C ABI (the Python and Swift
 * examples run the same steps; scripts/examples.sh checks that the three
 * print the same "workflow:" lines):
 *  1. a 2-of-3 GJKR DKG among three in-process authorities;
 *  2. threshold extraction of hospital:st-mary's and doctor:bob's keys from
 *     2 verified partial keys each (1 partial key is refused);
 *  3. the hospital seals a record (context "record-1"), re-encrypts it to Bob
 *     through a proxy, Bob opens it;
 *  4. Bob's signed access request passes the hospital's policy once; its
 *     replay is refused.
 * Usage: workflow <record file>. Prints deterministic lines only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ehrshare.h"
#include "ehrshare_keys.h"
#include "ehrshare_pre.h"
#include "ehrshare_ledger.h"

#define N 3
#define T 2

static int fail(const char *what, ehr_status st) {
    printf("FAILED: %s: %s: %s\n", what, ehr_status_string(st), ehr_last_error_message());
    return 1;
}

#define CHECK(call)                                 \
    do {                                            \
        ehr_status st_ = (call);                    \
        if (st_ != EHR_OK) return fail(#call, st_); \
    } while (0)

/* ---- SHA-256 (FIPS 180-4), only to print a digest of the opened record. ---- */
static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(uint32_t h[8], const uint8_t b[64]) {
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) + K256[i] + w[i];
        uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++) h[i] += v[i];
}

static void sha256(uint8_t out[32], const uint8_t *m, size_t len) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    uint8_t last[128] = {0};
    size_t full = len / 64, rest = len % 64;
    for (size_t i = 0; i < full; i++) sha256_block(h, m + 64 * i);
    memcpy(last, m + 64 * full, rest);
    last[rest] = 0x80;
    size_t blocks = rest < 56 ? 1 : 2;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++) last[64 * blocks - 1 - i] = (uint8_t)(bits >> (8 * i));
    for (size_t i = 0; i < blocks; i++) sha256_block(h, last + 64 * i);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(h[i] >> 8);
        out[4 * i + 3] = (uint8_t)h[i];
    }
}

/* ---- Step 1: the DKG. ---- */
static ehr_dkg *dkg[N];

static int deliver(int from) {
    static uint8_t msg[EHR_DKG_MESSAGE_MAX_BYTES];
    for (;;) {
        uint16_t to = 0;
        size_t len = 0;
        ehr_status st = ehr_dkg_next_message(dkg[from], &to, msg, sizeof msg, &len);
        if (st == EHR_ERR_NOT_FOUND) return 0;
        if (st != EHR_OK) return fail("ehr_dkg_next_message", st);
        for (int k = 0; k < N; k++) {
            if (k == from || (to != 0 && to != k + 1)) continue;
            int dup = -1;
            st = ehr_dkg_receive(dkg[k], &dup, msg, len, (uint16_t)(from + 1));
            if (st != EHR_OK) return fail("ehr_dkg_receive", st);
        }
    }
}

/* Step 2: partial keys for id from authorities 1 and 2, each verified, then
 * combined; with refuse_one, a single partial key is tried first. */
static int extract(ehr_identity_key **key, const ehr_params *pp, ehr_key_share *shares[N],
                   const char *id, int refuse_one) {
    uint8_t partial[T][256];
    const uint8_t *ptrs[T];
    size_t lens[T];
    for (int k = 0; k < T; k++) {
        uint16_t index = 0;
        CHECK(ehr_key_share_issue(shares[k], partial[k], sizeof partial[k], &lens[k],
                                  (const uint8_t *)id, strlen(id)));
        CHECK(ehr_partial_key_verify(pp, &index, partial[k], lens[k], (const uint8_t *)id, strlen(id)));
        if (index != k + 1) return fail("partial key index", EHR_ERR_INTERNAL);
        ptrs[k] = partial[k];
    }
    if (refuse_one) {
        ehr_identity_key *none = NULL;
        ehr_status st = ehr_identity_key_combine(&none, pp, ptrs, lens, 1, (const uint8_t *)id, strlen(id));
        if (st == EHR_OK || none != NULL) return fail("one partial key made a key", EHR_ERR_INTERNAL);
        printf("workflow: 1 partial key for %s refused: %s\n", id, ehr_status_string(st));
    }
    CHECK(ehr_identity_key_combine(key, pp, ptrs, lens, T, (const uint8_t *)id, strlen(id)));
    printf("workflow: %s key combined from %d verified partial keys\n", id, T);
    return 0;
}

static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    uint8_t *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL) {
            *len = fread(buf, 1, (size_t)size, f);
            if (*len != (size_t)size) {
                free(buf);
                buf = NULL;
            }
        }
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    static const char hospital[] = "hospital:st-mary", bob[] = "doctor:bob", rid[] = "record-1";
    const uint64_t now = 1764000000000ull;
    if (argc != 2) {
        fprintf(stderr, "usage: %s <record file>\n", argv[0]);
        return 2;
    }
    size_t record_len = 0;
    uint8_t *record = read_file(argv[1], &record_len);
    if (!record) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    CHECK(ehr_init(EHR_ABI_VERSION));

    /* 1. DKG: roster id("authority-k") || node public key. */
    ehr_dkg_node_key *keys[N];
    uint8_t roster[N * (2 + 11 + EHR_DKG_NODE_PUBLIC_KEY_BYTES)];
    size_t roster_len = 0;
    for (int k = 0; k < N; k++) {
        char name[12];
        snprintf(name, sizeof name, "authority-%d", k + 1);
        CHECK(ehr_dkg_node_key_generate(&keys[k]));
        roster[roster_len++] = 0;
        roster[roster_len++] = (uint8_t)strlen(name);
        memcpy(roster + roster_len, name, strlen(name));
        roster_len += strlen(name);
        CHECK(ehr_dkg_node_key_get_public(keys[k], roster + roster_len));
        roster_len += EHR_DKG_NODE_PUBLIC_KEY_BYTES;
    }
    uint8_t nonce[32];
    CHECK(ehr_scalar_generate(nonce));
    for (int k = 0; k < N; k++) {
        CHECK(ehr_dkg_new(&dkg[k], roster, roster_len, T, nonce, sizeof nonce, (uint16_t)(k + 1), keys[k]));
        ehr_dkg_node_key_free(keys[k]);
    }
    for (int k = 0; k < N; k++) {
        size_t queued = 0;
        CHECK(ehr_dkg_start(dkg[k], &queued));
        if (deliver(k)) return 1;
    }
    for (int deadline = 0; deadline < 6; deadline++)
        for (int k = 0; k < N; k++) {
            CHECK(ehr_dkg_advance(dkg[k], NULL));
            if (deliver(k)) return 1;
        }
    uint8_t params[138 + 96 * N], other[sizeof params];
    size_t params_len = 0, other_len = 0;
    ehr_key_share *shares[N];
    for (int k = 0; k < N; k++) {
        ehr_dkg_round round = EHR_DKG_ROUND_IDLE;
        CHECK(ehr_dkg_get_round(dkg[k], &round));
        if (round != EHR_DKG_ROUND_DONE) return fail("round is not DONE", EHR_ERR_STATE);
        CHECK(ehr_dkg_get_params(dkg[k], k == 0 ? params : other, sizeof params,
                                 k == 0 ? &params_len : &other_len));
        if (k > 0 && (other_len != params_len || memcmp(params, other, params_len) != 0))
            return fail("authorities disagree on PARAMS", EHR_ERR_INTERNAL);
        CHECK(ehr_dkg_get_key_share(dkg[k], &shares[k]));
        ehr_dkg_free(dkg[k]);
    }
    ehr_params *pp = NULL;
    uint16_t t = 0, n = 0;
    CHECK(ehr_params_from_bytes(&pp, params, params_len));
    CHECK(ehr_params_get_threshold(pp, &t, &n));
    printf("workflow: %u authorities agree on PARAMS (t = %u)\n", (unsigned)n, (unsigned)t);

    /* 2. Threshold extraction. */
    ehr_identity_key *kh = NULL, *kb = NULL;
    if (extract(&kh, pp, shares, hospital, 1) || extract(&kb, pp, shares, bob, 0)) return 1;
    for (int k = 0; k < N; k++) ehr_key_share_free(shares[k]);

    /* 3. Seal, re-encrypt the header for Bob, Bob opens the shared body. */
    uint8_t y[EHR_G2_BYTES];
    ehr_pre_context *ctx = NULL;
    CHECK(ehr_params_get_master_public_key(pp, y));
    CHECK(ehr_pre_context_new(&ctx, y));
    size_t sealed_len = 0, hlen = 0, rk_len = 0, plain_len = 0;
    ehr_status st = ehr_envelope_seal(ctx, NULL, 0, &sealed_len, (const uint8_t *)hospital, strlen(hospital),
                                      (const uint8_t *)rid, strlen(rid), record, record_len);
    if (st != EHR_ERR_BUFFER_TOO_SMALL) return fail("seal size query", st);
    uint8_t *sealed = malloc(sealed_len), *plain = malloc(record_len + 1);
    uint8_t rk[1024], digest[32];
    if (!sealed || !plain) return fail("out of memory", EHR_ERR_INTERNAL);
    CHECK(ehr_envelope_seal(ctx, sealed, sealed_len, &sealed_len, (const uint8_t *)hospital, strlen(hospital),
                            (const uint8_t *)rid, strlen(rid), record, record_len));
    printf("workflow: %s sealed a record of %zu bytes with context %s\n", hospital, record_len, rid);
    /* The proxy converts the whole object: a new header, the body copied. */
    uint8_t *sealed2 = malloc(sealed_len + 2048);
    size_t sealed2_len = 0, h2len = 0;
    if (!sealed2) return fail("out of memory", EHR_ERR_INTERNAL);
    CHECK(ehr_rekey_create(kh, rk, sizeof rk, &rk_len, (const uint8_t *)bob, strlen(bob)));
    CHECK(ehr_envelope_reencrypt(sealed2, sealed_len + 2048, &sealed2_len, rk, rk_len, sealed, sealed_len));
    CHECK(ehr_envelope_get_header_length(&hlen, sealed, sealed_len));
    CHECK(ehr_envelope_get_header_length(&h2len, sealed2, sealed2_len));
    CHECK(ehr_envelope_open(kb, plain, record_len + 1, &plain_len, sealed2, sealed2_len));
    sha256(digest, plain, plain_len);
    printf("workflow: SHA-256 of the record Bob decrypted: ");
    for (int i = 0; i < 32; i++) printf("%02x", digest[i]);
    printf("\n");
    int same = plain_len == record_len && memcmp(plain, record, record_len) == 0;
    printf("workflow: Bob's record equals the hospital's: %s\n", same ? "yes" : "NO");
    int body_same = sealed_len - hlen == sealed2_len - h2len &&
                    memcmp(sealed + hlen, sealed2 + h2len, sealed_len - hlen) == 0;
    printf("workflow: sealed body unchanged by re-encryption: %s\n", body_same ? "yes" : "NO");
    free(sealed2);

    /* 4. Bob's signed request against the hospital's policy; then its replay. */
    ehr_access_policy *policy = NULL;
    ehr_replay_guard *guard = NULL;
    uint8_t req[512], rk2[1024];
    size_t req_len = 0, rk2_len = 0;
    CHECK(ehr_access_policy_new(&policy, (const uint8_t *)rid, strlen(rid), (const uint8_t *)hospital,
                                strlen(hospital)));
    CHECK(ehr_access_policy_grant(policy, (const uint8_t *)bob, strlen(bob), 0));
    CHECK(ehr_replay_guard_new(&guard, 300000, 1024));
    CHECK(ehr_request_create(kb, req, sizeof req, &req_len, (const uint8_t *)rid, strlen(rid), now));
    st = ehr_request_verify(kh, rk2, sizeof rk2, &rk2_len, guard, policy, req, req_len, now + 1000);
    printf("workflow: Bob's signed access request to %s -> %s\n", rid, ehr_status_string(st));
    int accepted = st == EHR_OK;
    st = ehr_request_verify(kh, rk2, sizeof rk2, &rk2_len, guard, policy, req, req_len, now + 2000);
    printf("workflow: its replay -> %s\n", ehr_status_string(st));
    int ok = same && body_same && accepted && st == EHR_ERR_REPLAY;

    free(sealed);
    free(plain);
    free(record);
    ehr_replay_guard_free(guard);
    ehr_access_policy_free(policy);
    ehr_identity_key_free(kh);
    ehr_identity_key_free(kb);
    ehr_pre_context_free(ctx);
    ehr_params_free(pp);
    printf("%s\n", ok ? "workflow complete" : "workflow FAILED");
    return ok ? 0 : 1;
}
