/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A C host running a ledger node and a record store: three founding nodes,
 * blocks produced by whoever the DPoS schedule names, a refused block, a
 * vote, a stored envelope, and a reopen that re-verifies the chain.
 * Usage: ledger-example <directory for the two database files>
 * Keys come from fixed seeds and the genesis time is fixed, so every block
 * (and the output, compared with ledger.exp) is deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ehrshare.h"
#include "ehrshare_keys.h"
#include "ehrshare_pre.h"
#include "ehrshare_ledger.h"

#define NODES 3

static int failures = 0;

static void expect(int ok, const char *what) {
    printf("%s: %s\n", ok ? "ok" : "FAILED", what);
    if (!ok) failures++;
}

/* Stops on an unexpected failure, printing the status and the reason. */
static void must(ehr_status st, const char *call) {
    if (st != EHR_OK) {
        fprintf(stderr, "%s: %s: %s\n", call, ehr_status_string(st), ehr_last_error_message());
        exit(1);
    }
}

static void print_hex(const char *label, const uint8_t *bytes, size_t n) {
    printf("%s", label);
    for (size_t i = 0; i < n; i++) printf("%02x", bytes[i]);
    printf("\n");
}

/* Builds the block of `slot` with the scheduled producer's key and appends it:
 * the (out, out_cap, &out_len) protocol, first asking for the size. */
static void produce(ehr_ledger *ledger, ehr_node_key *keys[NODES], uint64_t slot) {
    uint16_t producer;
    must(ehr_ledger_get_scheduled_producer(ledger, &producer, slot), "scheduled_producer");
    size_t len = 0;
    ehr_status st = ehr_block_make(ledger, NULL, 0, &len, keys[producer], producer, slot);
    if (st != EHR_ERR_BUFFER_TOO_SMALL) must(st, "block_make (size)");
    uint8_t *block = malloc(len);
    if (block == NULL) exit(1);
    must(ehr_block_make(ledger, block, len, &len, keys[producer], producer, slot), "block_make");
    ehr_append_result result;
    must(ehr_block_append(ledger, &result, block, len), "block_append");
    uint64_t height;
    must(ehr_ledger_get_height(ledger, &height), "height");
    printf("slot %llu: node %u produced height %llu (%zu bytes, %s)\n", (unsigned long long)slot,
           (unsigned)producer, (unsigned long long)height, len,
           result == EHR_APPEND_EXTENDED ? "extended" : "not extended");
    free(block);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <directory>\n", argv[0]);
        return 2;
    }
    must(ehr_init(EHR_ABI_VERSION), "ehr_init");
    char ledger_path[4096], store_path[4096];
    snprintf(ledger_path, sizeof ledger_path, "%s/c-ledger.db", argv[1]);
    snprintf(store_path, sizeof store_path, "%s/c-store.db", argv[1]);
    remove(ledger_path);
    remove(store_path);

    /* Node keys and the genesis. */
    ehr_node_key *keys[NODES];
    static const char *names[NODES] = {"hospital-a", "hospital-b", "insurer-c"};
    static const uint64_t stakes[NODES] = {50, 30, 20};
    uint8_t seed[EHR_NODE_SEED_BYTES], chain_seed[EHR_HASH_BYTES] = {0};
    ehr_genesis *genesis;
    must(ehr_genesis_new(&genesis, (const uint8_t *)"c-example", 9, 1700000000000ULL, 1000, NODES,
                         300000, 500, chain_seed), "genesis_new");
    for (int i = 0; i < NODES; i++) {
        memset(seed, i + 1, sizeof seed);
        must(ehr_node_key_from_seed(&keys[i], seed), "node_key_from_seed");
        uint8_t pub[EHR_NODE_PUBLIC_KEY_BYTES];
        must(ehr_node_key_get_public(keys[i], pub), "node_key_public");
        must(ehr_genesis_add_node(genesis, (const uint8_t *)names[i], strlen(names[i]), pub, stakes[i]),
             "genesis_add_node");
    }
    uint8_t genesis_bytes[1024], genesis_hash[EHR_HASH_BYTES];
    size_t genesis_len;
    must(ehr_genesis_to_bytes(genesis, genesis_bytes, sizeof genesis_bytes, &genesis_len), "genesis_to_bytes");
    must(ehr_genesis_get_hash(genesis, genesis_hash), "genesis_hash");
    ehr_genesis_free(genesis);
    printf("genesis: %zu bytes\n", genesis_len);
    print_hex("chain id: ", genesis_hash, 8);

    /* A node without the master public key yet (before the DKG). */
    ehr_ledger *ledger;
    must(ehr_ledger_open(&ledger, ledger_path, genesis_bytes, genesis_len, NULL, EHR_RECOVERY_TAIL_ONLY),
         "ledger_open");
    uint16_t schedule[NODES];
    size_t count;
    must(ehr_ledger_get_schedule(ledger, schedule, NODES, &count), "schedule");
    printf("round 0 schedule: %u %u %u\n", schedule[0], schedule[1], schedule[2]);

    for (uint64_t slot = 1; slot <= 3; slot++) produce(ledger, keys, slot);

    /* The wrong producer is refused with the rule and the reason. */
    uint16_t due, other;
    must(ehr_ledger_get_scheduled_producer(ledger, &due, 4), "scheduled_producer");
    other = (uint16_t)((due + 1) % NODES);
    size_t len = 0;
    ehr_status st = ehr_block_make(ledger, NULL, 0, &len, keys[other], other, 4);
    printf("node %u making slot 4 -> %s: %s\n", (unsigned)other, ehr_status_string(st), ehr_last_error_message());
    expect(st == EHR_ERR_LEDGER_REJECTED, "wrong producer is refused");

    /* A vote goes into the pool and into the next block. */
    uint64_t stake, next_seq;
    uint8_t pub[EHR_NODE_PUBLIC_KEY_BYTES], tx[256], tx_id[EHR_HASH_BYTES];
    size_t tx_len;
    const uint16_t candidates[2] = {0, 2};
    must(ehr_ledger_get_node(ledger, &stake, &next_seq, pub, 1), "ledger_node");
    must(ehr_tx_make_vote(tx, sizeof tx, &tx_len, keys[1], genesis_hash, 1, next_seq, candidates, 2),
         "tx_make_vote");
    must(ehr_ledger_submit(ledger, tx_id, tx, tx_len), "ledger_submit");
    must(ehr_ledger_get_pool_count(ledger, &count), "pool_count");
    printf("vote by node 1 (stake %llu, sequence %llu): %zu pending\n", (unsigned long long)stake,
           (unsigned long long)next_seq, count);
    produce(ledger, keys, 4);
    must(ehr_ledger_get_pool_count(ledger, &count), "pool_count");
    expect(count == 0, "the block took the vote");
    /* Once every active producer has built on a block, it is irreversible. */
    produce(ledger, keys, 5);

    uint64_t lib, height;
    uint8_t tip[EHR_HASH_BYTES];
    must(ehr_ledger_get_irreversible_height(ledger, &lib), "irreversible_height");
    must(ehr_ledger_get_tip_hash(ledger, tip), "tip_hash");
    printf("irreversible height: %llu\n", (unsigned long long)lib);
    print_hex("tip: ", tip, 8);
    ehr_ledger_free(ledger);

    /* Reopening re-verifies every stored block. */
    must(ehr_ledger_open(&ledger, ledger_path, NULL, 0, NULL, EHR_RECOVERY_NONE), "ledger_open (again)");
    uint64_t verified, cut;
    char reason[256];
    size_t reason_len;
    must(ehr_ledger_get_open_report(ledger, &verified, &cut, (uint8_t *)reason, sizeof reason, &reason_len),
         "open_report");
    must(ehr_ledger_get_height(ledger, &height), "height");
    printf("reopened: %llu blocks verified, %llu cut, height %llu\n", (unsigned long long)verified,
           (unsigned long long)cut, (unsigned long long)height);
    must(ehr_ledger_verify(ledger, &verified), "ledger_verify");
    expect(verified == 5, "audit verifies 5 blocks");
    ehr_ledger_free(ledger);

    /* The record store: put returns the address, get re-hashes. */
    ehr_store *store;
    must(ehr_store_open(&store, store_path, "hospital-a"), "store_open");
    static const char envelope[] = "a sealed envelope";
    uint8_t uri[128], digest[EHR_HASH_BYTES], back[64];
    size_t uri_len, back_len;
    must(ehr_store_put(store, uri, sizeof uri, &uri_len, digest, (const uint8_t *)envelope, strlen(envelope)),
         "store_put");
    printf("stored at %.*s\n", (int)uri_len, (const char *)uri);
    must(ehr_store_get(store, back, sizeof back, &back_len, uri, uri_len, digest), "store_get");
    expect(back_len == strlen(envelope) && memcmp(back, envelope, back_len) == 0, "envelope round trip");
    digest[0] ^= 1;
    st = ehr_store_get(store, back, sizeof back, &back_len, uri, uri_len, digest);
    printf("get with another digest -> %s\n", ehr_status_string(st));
    ehr_store_free(store);

    for (int i = 0; i < NODES; i++) ehr_node_key_free(keys[i]);
    ehr_node_key_free(NULL);
    printf("%s\n", failures == 0 ? "all checks passed" : "SOME CHECKS FAILED");
    return failures == 0 ? 0 : 1;
}
