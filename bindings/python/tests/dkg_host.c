/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A C host running a whole 2-of-3 DKG through the C ABI, three authorities
 * in one process, then threshold issuance: every pair of partial keys must
 * combine to the same identity key. Built with -std=c11 -pedantic -Werror
 * by test_dkg_c_host.py, which also proves the header compiles as C.
 * Prints "ok: ..." lines and exits 0, or prints "FAILED: ..." and exits 1.
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

#define CHECK(call)                                   \
    do {                                              \
        ehr_status st_ = (call);                      \
        if (st_ != EHR_OK) return fail(#call, st_);   \
    } while (0)

static ehr_dkg *dkg[N];

/* Takes every queued message of authority `from` and hands it to the
 * others (broadcast) or to its one recipient. */
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
            if (dup != 0) return fail("first delivery reported as duplicate", EHR_ERR_INTERNAL);
        }
    }
}

int main(void) {
    CHECK(ehr_init(EHR_ABI_VERSION));
    if (ehr_dkg_node_public_key_bytes() != EHR_DKG_NODE_PUBLIC_KEY_BYTES ||
        ehr_dkg_message_max_bytes() != EHR_DKG_MESSAGE_MAX_BYTES)
        return fail("size functions differ from the macros", EHR_ERR_INTERNAL);

    /* Roster: id("authority-k") || node public key, authority 1 first. */
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
    CHECK(ehr_scalar_generate(nonce)); /* any 32 fresh bytes do */
    for (int k = 0; k < N; k++) {
        CHECK(ehr_dkg_new(&dkg[k], roster, roster_len, T, nonce, sizeof nonce, (uint16_t)(k + 1), keys[k]));
        ehr_dkg_node_key_free(keys[k]); /* the DKG keeps its own reference */
    }

    for (int k = 0; k < N; k++) {
        size_t queued = 0;
        CHECK(ehr_dkg_start(dkg[k], &queued));
        if (queued != N) return fail("start queues a commitment and n - 1 shares", EHR_ERR_INTERNAL);
        if (deliver(k)) return 1;
    }
    for (int deadline = 0; deadline < 6; deadline++) {
        for (int k = 0; k < N; k++) {
            CHECK(ehr_dkg_advance(dkg[k], NULL));
            if (deliver(k)) return 1;
        }
    }
    uint8_t params[138 + 96 * N], other[sizeof params];
    size_t params_len = 0, other_len = 0;
    for (int k = 0; k < N; k++) {
        ehr_dkg_round round = EHR_DKG_ROUND_IDLE;
        CHECK(ehr_dkg_get_round(dkg[k], &round));
        if (round != EHR_DKG_ROUND_DONE) return fail("round is not DONE", EHR_ERR_STATE);
        uint16_t qual[N];
        size_t qual_len = 0;
        CHECK(ehr_dkg_get_qual(dkg[k], qual, N, &qual_len));
        if (qual_len != N) return fail("QUAL is not everyone", EHR_ERR_INTERNAL);
        CHECK(ehr_dkg_get_params(dkg[k], k == 0 ? params : other, sizeof params,
                                 k == 0 ? &params_len : &other_len));
        if (k > 0 && (other_len != params_len || memcmp(params, other, params_len) != 0))
            return fail("authorities disagree on PARAMS", EHR_ERR_INTERNAL);
    }
    printf("ok: %d authorities agree on PARAMS (%zu bytes)\n", N, params_len);

    ehr_params *pp = NULL;
    CHECK(ehr_params_from_bytes(&pp, params, params_len));
    static const char id[] = "patient:alice";
    uint8_t partial[N][138 + sizeof id - 1];
    for (int k = 0; k < N; k++) {
        ehr_key_share *share = NULL;
        size_t len = 0;
        uint16_t index = 0;
        CHECK(ehr_dkg_get_key_share(dkg[k], &share));
        CHECK(ehr_key_share_issue(share, partial[k], sizeof partial[k], &len, (const uint8_t *)id, strlen(id)));
        ehr_key_share_free(share);
        CHECK(ehr_partial_key_verify(pp, &index, partial[k], len, (const uint8_t *)id, strlen(id)));
        if (index != k + 1) return fail("partial key index", EHR_ERR_INTERNAL);
        ehr_dkg_free(dkg[k]);
    }
    printf("ok: %d partial keys verify\n", N);

    uint8_t first[EHR_G1_BYTES], ske[EHR_G1_BYTES];
    static const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    for (int p = 0; p < 3; p++) {
        const uint8_t *ptrs[T] = {partial[pairs[p][0]], partial[pairs[p][1]]};
        const size_t lens[T] = {sizeof partial[0], sizeof partial[0]};
        ehr_identity_key *key = NULL;
        CHECK(ehr_identity_key_combine(&key, pp, ptrs, lens, T, (const uint8_t *)id, strlen(id)));
        CHECK(ehr_identity_key_get_decryption_key(key, p == 0 ? first : ske));
        ehr_identity_key_free(key);
        if (p > 0 && memcmp(first, ske, sizeof ske) != 0) return fail("pairs combine differently", EHR_ERR_INTERNAL);
    }
    printf("ok: every pair of partial keys gives the same identity key\n");

    /* One partial key is not enough, and says so with EHR_ERR_PARAM. */
    const uint8_t *one[1] = {partial[0]};
    const size_t one_len[1] = {sizeof partial[0]};
    ehr_identity_key *none = NULL;
    ehr_status st = ehr_identity_key_combine(&none, pp, one, one_len, 1, (const uint8_t *)id, strlen(id));
    if (st != EHR_ERR_PARAM || none != NULL) return fail("t - 1 partial keys", st);
    printf("ok: t - 1 partial keys -> %s\n", ehr_status_string(st));
    ehr_params_free(pp);
    return 0;
}
