/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ehrshare_ledger.h - the consortium ledger, transactions, record store.
 *
 * Part of the C ABI of libehrshare; the conventions, ownership and
 * thread-safety rules, status codes and sizes are those of ehrshare.h,
 * which this header includes.
 */
#ifndef EHRSHARE_LEDGER_H
#define EHRSHARE_LEDGER_H

#include "ehrshare.h"
#include "ehrshare_keys.h" /* ehr_node_key */

#ifdef __cplusplus
extern "C" {
#endif

/* --- Ledger and record store ---------------------------------------------
 *
 * The consortium ledger of docs/LEDGER.md (Ed25519 node keys, genesis, DPoS
 * block production, a durable SQLite chain, queries on its state) and the
 * content-addressed record store of DESIGN.md section 4. Genesis, blocks and
 * transactions travel as their wire encodings (docs/LEDGER.md section 2).
 *
 * Failures specific to this section:
 *   EHR_ERR_LEDGER_REJECTED  a block or transaction breaks a rule; the
 *                            message is "rule: reason", e.g. "producer: slot
 *                            7 belongs to node 2, not 1" (rules: LEDGER.md
 *                            section 5); nothing was changed.
 *   EHR_ERR_STORAGE          an I/O or database failure; nothing was changed.
 *   EHR_ERR_CORRUPT          stored data fails verification; the message
 *                            names the first bad height ("corrupt at height
 *                            12: ...") or the damaged database file.
 *   EHR_ERR_NOT_FOUND        no such block, record, grant, request or node.
 *   EHR_ERR_PARAM            also: a live handle of another kind (e.g. an
 *                            ehr_store * as the ledger); the ehr_*_free
 *                            functions ignore such a handle. A freed
 *                            handle cannot be detected: never reuse one.
 *
 * Identity signatures (record, policy and request transactions) are
 * Cha-Cheon signatures (PROTOCOL.md section 9) checked against the master
 * public key given to ehr_ledger_open. The signature field of such a
 * transaction holds a SIGNED envelope (PROTOCOL.md section 10, type 0x31)
 * with purpose 2, the signer = the transaction's identity and the payload =
 * the transaction's signing message (ehr_tx_get_signing_message);
 * ehr_tx_sign_identity builds it.
 *
 * THREAD SAFETY: an ehr_ledger, ehr_store or ehr_genesis handle has no
 * internal lock: use each from one thread at a time, queries (const handles)
 * included, since they read the database. Different handles may be used on
 * different threads at once; never open one ledger file through two handles.
 * An ehr_node_key is immutable: its const calls may run on any thread. */

typedef struct ehr_genesis ehr_genesis;
typedef struct ehr_ledger ehr_ledger;
typedef struct ehr_store ehr_store;

#define EHR_HASH_BYTES 32            /* SHA-256: ids, hashes, digests */
#define EHR_TX_NONCE_BYTES 16        /* nonce of identity transactions */

/* What ehr_ledger_open does with a stored block that fails verification. */
typedef enum ehr_recovery {
    EHR_RECOVERY_TAIL_ONLY = 0, /* cut a bad last block (torn tail); a bad
                                   block below it is EHR_ERR_CORRUPT */
    EHR_RECOVERY_NONE = 1,      /* any bad block is EHR_ERR_CORRUPT */
    EHR_RECOVERY_TRUNCATE = 2   /* cut from the first bad block (repair) */
} ehr_recovery;

/* What ehr_block_append did with a valid block. */
typedef enum ehr_append_result {
    EHR_APPEND_EXTENDED = 0,    /* extended the chain */
    EHR_APPEND_REORGANIZED = 1, /* completed a longer fork that replaced
                                   reversible blocks */
    EHR_APPEND_SIDE_BRANCH = 2  /* kept on a shorter side branch */
} ehr_append_result;

/* Returns: the sizes above, for bindings that cannot read macros. */
EHR_API size_t ehr_hash_bytes(void);
EHR_API size_t ehr_tx_nonce_bytes(void);

/* Genesis (block 0: the consortium's nodes, stakes and parameters). */

/* Starts a genesis without nodes.
 * Returns: EHR_OK; EHR_ERR_PARAM for an empty chain name.
 * Out:     out: a new genesis; free it with ehr_genesis_free.
 * In:      chain_name: 1..255 bytes; genesis_time_ms: Unix ms of slot 0;
 *          slot_ms >= 1; producers: K, active producers per round
 *          (1..node count); replay_window_ms: how far an identity-signed
 *          transaction's time may be from its block's (300000 = PROTOCOL.md
 *          default); max_drift_ms: how far ahead of the local clock a block
 *          may be, below slot_ms (checked wherever the genesis is validated:
 *          ehr_genesis_to_bytes, ehr_genesis_get_hash, ehr_ledger_open; half
 *          a slot is a good value); seed: 32 bytes mixed into every round's
 *          schedule. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 9)
ehr_status ehr_genesis_new(ehr_genesis **out, const uint8_t *chain_name,
                           size_t chain_name_len, uint64_t genesis_time_ms,
                           uint32_t slot_ms, uint16_t producers,
                           uint32_t replay_window_ms, uint32_t max_drift_ms,
                           const uint8_t seed[EHR_HASH_BYTES]);

/* Appends a founding node; its index is the number of nodes before it.
 * Returns: EHR_OK; EHR_ERR_PARAM for a name outside 1..255 bytes or more
 *          than 65535 nodes (the other rules are checked on encoding).
 * In:      name: name_len bytes; public_key: its Ed25519 node key. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 4)
ehr_status ehr_genesis_add_node(
    ehr_genesis *genesis, const uint8_t *name, size_t name_len,
    const uint8_t public_key[EHR_NODE_PUBLIC_KEY_BYTES], uint64_t stake);

/* Decodes and validates a genesis encoding.
 * Returns: EHR_OK, or EHR_ERR_LEDGER_REJECTED ("encoding: ..." or
 *          "genesis: ...").
 * Out:     out: a new genesis; free it with ehr_genesis_free. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_genesis_from_bytes(ehr_genesis **out, const uint8_t *bytes,
                                  size_t len);

/* Validates the genesis and writes its encoding / its hash (the chain id).
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("genesis: ...") if the nodes
 *          and parameters are inconsistent (K above the node count,
 *          duplicate names or keys, invalid key, zero total stake);
 *          EHR_ERR_BUFFER_TOO_SMALL (to_bytes, out_len = size needed). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_genesis_to_bytes(const ehr_genesis *genesis, uint8_t *out,
                                size_t out_cap, size_t *out_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_genesis_get_hash(const ehr_genesis *genesis,
                            uint8_t out[EHR_HASH_BYTES]);

/* Releases a genesis. NULL is a no-op. */
EHR_API void ehr_genesis_free(ehr_genesis *genesis);

/* Ledger */

/* Opens (creating if needed) the ledger database at path and re-verifies
 * every stored block (docs/LEDGER.md section 6).
 * Returns: EHR_OK; EHR_ERR_CORRUPT for a bad stored block the recovery mode
 *          does not cut (message names the height); EHR_ERR_LEDGER_REJECTED
 *          ("genesis: ...") if the file holds another chain or the genesis
 *          is invalid; EHR_ERR_NOT_FOUND for a new file without genesis;
 *          EHR_ERR_STORAGE; a decoding status for a bad master public key.
 * Out:     out: a new ledger; free it with ehr_ledger_free.
 * In:      path: file path, NUL-terminated UTF-8;
 *          genesis: its encoding, genesis_len bytes; required for a new
 *          file; for an existing one it must match (NULL with length 0
 *          accepts the stored one);
 *          master_public_key: the consortium's y (EHR_G2_BYTES, compressed),
 *          or NULL before the DKG has produced it: every identity-signed
 *          transaction is then refused ("txSignature: ..."), and a file
 *          holding one fails to open (EHR_ERR_CORRUPT);
 *          recovery: see ehr_recovery. Blocks more than the genesis's drift
 *          ahead of the system clock are refused. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_open(ehr_ledger **out, const char *path,
                           const uint8_t *genesis, size_t genesis_len,
                           const uint8_t *master_public_key,
                           ehr_recovery recovery);

/* Releases a ledger (its pending pool is lost). NULL is a no-op. */
EHR_API void ehr_ledger_free(ehr_ledger *ledger);

/* What ehr_ledger_open found.
 * Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL if reason does not fit (the
 *          numbers are written anyway; reason_len = size needed).
 * Out:     blocks_verified: blocks above genesis verified and loaded;
 *          truncated_from: first height cut as a bad tail, 0 if none;
 *          reason: why it was cut, reason_len bytes (0 if none). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 6)
ehr_status ehr_ledger_get_open_report(const ehr_ledger *ledger,
                                  uint64_t *blocks_verified,
                                  uint64_t *truncated_from, uint8_t *reason,
                                  size_t reason_cap, size_t *reason_len);

/* Re-verifies the stored chain end to end (an audit of the open file).
 * Returns: EHR_OK; EHR_ERR_CORRUPT at the first bad block ("corrupt at
 *          height N: ...") or if the file no longer holds this chain.
 * Out:     blocks_verified: blocks above genesis verified. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_verify(ehr_ledger *ledger, uint64_t *blocks_verified);

/* Adds a transaction to the ledger's pool of pending transactions, after
 * checking that a block on the current tip would accept it after those
 * already pooled, at the time of the slot running now (system clock) or of
 * the slot after the tip if that is later. Submitting a pooled transaction
 * again changes nothing.
 * The check is linear: the transaction is judged once against the tip
 * state with the pooled transactions applied (EhrNode's TransactionPool),
 * not by re-checking the whole pool.
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("rule: reason"); EHR_ERR_STATE
 *          if the pool holds 10000 transactions or 64 MiB; EHR_ERR_PARAM for
 *          a transaction over 2 MiB.
 * Out:     tx_id: the transaction id (SHA-256 of its encoding). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_ledger_submit(ehr_ledger *ledger, uint8_t tx_id[EHR_HASH_BYTES],
                             const uint8_t *tx, size_t tx_len);

/* Out:     count: transactions waiting in the pool. Returns: EHR_OK. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_pool_count(const ehr_ledger *ledger, size_t *count);

/* Builds and signs the block of slot on the current tip from the pool
 * (the transactions a block can still take, in order; the others are
 * dropped from the pool). It does not append the block: pass the bytes to
 * ehr_block_append, and to the other nodes.
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED if slot is not after the tip's
 *          ("timestamp: ..."), producer is not scheduled for slot
 *          ("producer: ...") or key is not producer's node key
 *          ("blockSignature: ..."); EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the block encoding, out_len bytes.
 * In:      key: the producer's node key; producer: its node index. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_block_make(ehr_ledger *ledger, uint8_t *out, size_t out_cap,
                          size_t *out_len, const ehr_node_key *key,
                          uint16_t producer, uint64_t slot);

/* Validates a block and adds it to the chain (durably, before returning) or
 * to a side branch; pooled transactions it carries leave the pool.
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("rule: reason"; e.g.
 *          "producer: ...", "link: ...", "duplicateBlock: ...");
 *          EHR_ERR_STORAGE.
 * Out:     result: see ehr_append_result. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_block_append(ehr_ledger *ledger, ehr_append_result *result,
                            const uint8_t *block, size_t block_len);

/* Appends a run of blocks that extend the tip one after another (catch-up
 * sync) with one durable write. Blocks are checked in order; those before
 * a refused block are kept.
 * Returns: EHR_OK if every block was appended; EHR_ERR_LEDGER_REJECTED for
 *          the first refused block ("rule: block N: reason"); EHR_ERR_PARAM
 *          if the framing is cut short (nothing appended); EHR_ERR_STORAGE
 *          (nothing appended).
 * Out:     appended: how many blocks were appended (also on failure).
 * In:      blocks: blocks_len bytes holding (u32 big-endian length, block
 *          encoding) repeated. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_block_append_batch(ehr_ledger *ledger, size_t *appended,
                                  const uint8_t *blocks, size_t blocks_len);

/* Chain queries. Each returns EHR_OK unless stated. */

/* Out: height of the tip (0 = genesis only). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_height(const ehr_ledger *ledger, uint64_t *height);
/* Out: height of the last irreversible block (0 = genesis). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_irreversible_height(const ehr_ledger *ledger,
                                          uint64_t *height);
/* Out: hash of the tip block / of the genesis (the chain id). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_tip_hash(const ehr_ledger *ledger,
                               uint8_t out[EHR_HASH_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_genesis_hash(const ehr_ledger *ledger,
                                   uint8_t out[EHR_HASH_BYTES]);

/* Slots: slot 0 is the genesis time; slot s starts at
 * genesis_time + s * slot_ms.
 * Out:     slot: the slot running at unix_ms; unix_ms: when slot starts.
 * Returns: EHR_OK; EHR_ERR_PARAM for a time before genesis. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_slot_at(const ehr_ledger *ledger, uint64_t *slot,
                              uint64_t unix_ms);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_slot_time(const ehr_ledger *ledger, uint64_t *unix_ms,
                                uint64_t slot);
/* Out: the slot of the tip block. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_tip_slot(const ehr_ledger *ledger, uint64_t *slot);

/* The DPoS round of the tip: its schedule (producer of slot s is
 * schedule[s mod K]) and its active producers (sorted), K entries each.
 * Returns: EHR_OK, or EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: out_len node indices (out_cap and out_len count entries,
 *          not bytes). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_get_schedule(const ehr_ledger *ledger, uint16_t *out,
                               size_t out_cap, size_t *out_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_get_active_producers(const ehr_ledger *ledger,
                                       uint16_t *out, size_t out_cap,
                                       size_t *out_len);

/* Who must produce the block of slot on the current tip (a later round's
 * schedule is computed from the votes so far).
 * Returns: EHR_OK; EHR_ERR_PARAM if slot is not after the tip's slot.
 * Out:     producer: a node index. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_scheduled_producer(const ehr_ledger *ledger,
                                         uint16_t *producer, uint64_t slot);

/* Out:     count: registered nodes (indices 0..count-1). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_get_node_count(const ehr_ledger *ledger, size_t *count);

/* A node's standing.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND for an unknown index.
 * Out:     stake; next_sequence: the sequence its next vote, dkg or
 *          register (as sponsor) must carry; public_key: its node key. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4)
ehr_status ehr_ledger_get_node(const ehr_ledger *ledger, uint64_t *stake,
                           uint64_t *next_sequence,
                           uint8_t public_key[EHR_NODE_PUBLIC_KEY_BYTES],
                           uint16_t node);

/* The canonical block at height (>= 1), re-checked against its checksum.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND; EHR_ERR_CORRUPT ("corrupt at height
 *          N: ..."); EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the block encoding, out_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_get_block(const ehr_ledger *ledger, uint8_t *out,
                            size_t out_cap, size_t *out_len, uint64_t height);

/* A published record.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND; EHR_ERR_BUFFER_TOO_SMALL if owner or
 *          uri does not fit (the fixed outputs are written anyway).
 * Out:     ciphertext_sha256: digest of the sealed envelope; height: block
 *          that published it; owner: owner_len bytes (identity);
 *          uri: uri_len bytes (storage address, not NUL-terminated). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 6, 9, 10)
ehr_status ehr_ledger_get_record(const ehr_ledger *ledger,
                             uint8_t ciphertext_sha256[EHR_HASH_BYTES],
                             uint64_t *height, uint8_t *owner,
                             size_t owner_cap, size_t *owner_len,
                             uint8_t *uri, size_t uri_cap, size_t *uri_len,
                             const uint8_t record_id[EHR_HASH_BYTES]);

/* An identity's grant on a record (the owner needs none).
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND if the identity was never granted.
 * Out:     revoked: 1 if revoked, else 0; expires_at: Unix ms after which
 *          the grant no longer holds, 0 for never.
 * In:      identity: identity_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4, 5)
ehr_status ehr_ledger_grant(const ehr_ledger *ledger, uint8_t *revoked,
                            uint64_t *expires_at,
                            const uint8_t record_id[EHR_HASH_BYTES],
                            const uint8_t *identity, size_t identity_len);

/* An accepted access request (by its transaction id) and the proxies the
 * ledger chose for it.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND; EHR_ERR_BUFFER_TOO_SMALL if the
 *          requester or the proxies do not fit (the other outputs and both
 *          lengths are written anyway).
 * Out:     record_id; height: block that accepted it; receipts: proxies
 *          that have answered; requester: requester_len bytes (identity);
 *          proxies: proxies_len node indices (entries, not bytes), in the
 *          order of the schedule. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4, 7, 10, 11)
ehr_status ehr_ledger_get_request(const ehr_ledger *ledger,
                              uint8_t record_id[EHR_HASH_BYTES],
                              uint64_t *height, size_t *receipts,
                              uint8_t *requester, size_t requester_cap,
                              size_t *requester_len, uint16_t *proxies,
                              size_t proxies_cap, size_t *proxies_len,
                              const uint8_t request_id[EHR_HASH_BYTES]);

/* The receipt a proxy put on the chain for a request.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND if there is no such request or the
 *          proxy has not answered it.
 * Out:     reencrypted_sha256: the hash the proxy reported. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_ledger_get_request_receipt(
    const ehr_ledger *ledger, uint8_t reencrypted_sha256[EHR_HASH_BYTES],
    const uint8_t request_id[EHR_HASH_BYTES], uint16_t proxy);

/* Fetches a published record's sealed envelope from store: URI and digest
 * come from the record transaction on the chain, and the store re-hashes
 * the bytes against that digest.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND (no such record on the chain, or not
 *          in the store); EHR_ERR_CORRUPT (stored bytes do not match the
 *          chain's digest); EHR_ERR_PARAM (the URI names another store);
 *          EHR_ERR_BUFFER_TOO_SMALL; EHR_ERR_STORAGE.
 * Out:     out: the envelope, out_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 6)
ehr_status ehr_ledger_fetch_envelope(const ehr_ledger *ledger, uint8_t *out,
                                     size_t out_cap, size_t *out_len,
                                     ehr_store *store,
                                     const uint8_t record_id[EHR_HASH_BYTES]);

/* Transactions. Every builder writes a transaction encoding under
 * (out, out_cap, &out_len) and returns EHR_OK, EHR_ERR_BUFFER_TOO_SMALL,
 * EHR_ERR_PARAM for a field out of range, or EHR_ERR_STORAGE if signing
 * fails. genesis_hash binds the transaction to one chain. Whether the
 * ledger accepts it (sequence, stake, policy, ...) is decided by
 * ehr_ledger_submit and ehr_block_append. */

/* vote: voter approves the candidates (at most K, distinct); its whole
 * stake backs each; an empty list withdraws. Signed with voter's key. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5)
ehr_status ehr_tx_make_vote(uint8_t *out, size_t out_cap, size_t *out_len,
                            const ehr_node_key *key,
                            const uint8_t genesis_hash[EHR_HASH_BYTES],
                            uint16_t voter, uint64_t sequence,
                            const uint16_t *candidates, size_t count);

/* register: a new node, given stake by sponsor; signed by the sponsor and
 * by the new node key (proof of possession).
 * In: name: name_len bytes (1..255). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5, 6, 9)
ehr_status ehr_tx_make_register(uint8_t *out, size_t out_cap,
                                size_t *out_len,
                                const ehr_node_key *sponsor_key,
                                const ehr_node_key *node_key,
                                const uint8_t genesis_hash[EHR_HASH_BYTES],
                                uint16_t sponsor, uint64_t sponsor_sequence,
                                const uint8_t *name, size_t name_len,
                                uint64_t stake);

/* receipt: a proxy chosen for a request reports the SHA-256 of the
 * re-encrypted header it produced. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5, 7, 8)
ehr_status ehr_tx_make_receipt(
    uint8_t *out, size_t out_cap, size_t *out_len, const ehr_node_key *key,
    const uint8_t genesis_hash[EHR_HASH_BYTES], uint16_t proxy,
    const uint8_t request_id[EHR_HASH_BYTES],
    const uint8_t reencrypted_sha256[EHR_HASH_BYTES]);

/* dkg: an opaque DKG broadcast (PROTOCOL.md section 4) from sender.
 * In: message_type: the payload's PROTOCOL.md type byte; payload:
 *     payload_len bytes (at most 1 MiB; NULL allowed when 0). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5)
ehr_status ehr_tx_make_dkg(uint8_t *out, size_t out_cap, size_t *out_len,
                           const ehr_node_key *key,
                           const uint8_t genesis_hash[EHR_HASH_BYTES],
                           uint16_t sender, uint64_t sequence,
                           uint8_t message_type, const uint8_t *payload,
                           size_t payload_len);

/* Identity transactions carry signature (signature_len bytes, a SIGNED
 * envelope, see the top of this section; may be empty while the signing
 * message is computed). Identities are 1..1024 bytes of UTF-8; nonce is
 * 16 random bytes; timestamp_ms is the signer's Unix ms. */

/* record: owner publishes a record: its id, the SHA-256 of the sealed
 * envelope, its storage URI (1..1024 bytes) and the initial grants.
 * In: grants: grants_len bytes holding (u16 big-endian length, identity,
 *     u64 big-endian expiry in Unix ms, 0 = never) repeated; empty for
 *     none. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6, 7, 8, 13)
ehr_status ehr_tx_make_record(uint8_t *out, size_t out_cap, size_t *out_len,
                              const uint8_t *owner, size_t owner_len,
                              const uint8_t record_id[EHR_HASH_BYTES],
                              const uint8_t ciphertext_sha256[EHR_HASH_BYTES],
                              const uint8_t *uri, size_t uri_len,
                              const uint8_t *grants, size_t grants_len,
                              uint64_t timestamp_ms,
                              const uint8_t nonce[EHR_TX_NONCE_BYTES],
                              const uint8_t *signature, size_t signature_len);

/* policy: the owner grants (action 1, expires_at 0 = never) or revokes
 * (action 2, expires_at must be 0) subject's access. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6, 8, 12)
ehr_status ehr_tx_make_policy(uint8_t *out, size_t out_cap, size_t *out_len,
                              const uint8_t *owner, size_t owner_len,
                              const uint8_t record_id[EHR_HASH_BYTES],
                              uint8_t action, const uint8_t *subject,
                              size_t subject_len, uint64_t expires_at,
                              uint64_t timestamp_ms,
                              const uint8_t nonce[EHR_TX_NONCE_BYTES],
                              const uint8_t *signature, size_t signature_len);

/* request: requester asks for a record through proxies (t', 1..K)
 * re-encrypting proxies. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6, 9)
ehr_status ehr_tx_make_request(uint8_t *out, size_t out_cap, size_t *out_len,
                               const uint8_t *requester, size_t requester_len,
                               const uint8_t record_id[EHR_HASH_BYTES],
                               uint8_t proxies, uint64_t timestamp_ms,
                               const uint8_t nonce[EHR_TX_NONCE_BYTES],
                               const uint8_t *signature, size_t signature_len);

/* Signs an identity transaction (record, policy or request) on the chain
 * genesis_hash: builds the SIGNED envelope described at the top of this
 * section (with the transaction's timestamp and nonce) with the signer's
 * Cha-Cheon key and writes the transaction with it as its signature. The
 * signer is the transaction's owner or requester. A size query (short
 * out_cap) signs nothing.
 * Returns: EHR_OK; EHR_ERR_PARAM for a node transaction or an invalid
 *          identity; EHR_ERR_VERIFY if signing_key is not the signer's key
 *          under master_public_key; a decoding status for a bad key or
 *          point; EHR_ERR_LEDGER_REJECTED ("encoding: ...") for bad tx
 *          bytes; EHR_ERR_RANDOM; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the signed transaction, out_len bytes.
 * In:      signing_key: sks = s * H1s(id) (EHR_G1_BYTES, secret; the copy
 *          the library makes is wiped); master_public_key: y (EHR_G2_BYTES);
 *          tx: the transaction (its signature field is replaced). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5, 6, 7)
ehr_status ehr_tx_sign_identity(uint8_t *out, size_t out_cap, size_t *out_len,
                                const uint8_t signing_key[EHR_G1_BYTES],
                                const uint8_t master_public_key[EHR_G2_BYTES],
                                const uint8_t genesis_hash[EHR_HASH_BYTES],
                                const uint8_t *tx, size_t tx_len);

/* The id of a transaction (SHA-256 of its encoding), after decoding it.
 * Returns: EHR_OK, or EHR_ERR_LEDGER_REJECTED ("encoding: ..."). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_tx_get_id(uint8_t out[EHR_HASH_BYTES], const uint8_t *tx,
                     size_t tx_len);

/* The message a transaction's signatures cover on the chain genesis_hash
 * names ("EHRS" 01 53 || genesis hash || the encoding without signature
 * fields); for identity transactions, the payload of the SIGNED envelope.
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("encoding: ...");
 *          EHR_ERR_BUFFER_TOO_SMALL. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5)
ehr_status ehr_tx_get_signing_message(uint8_t *out, size_t out_cap,
                                  size_t *out_len,
                                  const uint8_t genesis_hash[EHR_HASH_BYTES],
                                  const uint8_t *tx, size_t tx_len);

/* Record store: sealed envelopes addressed by their SHA-256, as
 * "ehrstore://<name>/<hex sha256>" (docs/LEDGER.md section 7). */

/* Opens (creating if needed) the store at path.
 * Returns: EHR_OK; EHR_ERR_PARAM for a name outside 1..64 characters of
 *          [A-Za-z0-9._-]; EHR_ERR_CORRUPT if the file is damaged;
 *          EHR_ERR_STORAGE.
 * Out:     out: a new store; free it with ehr_store_free.
 * In:      path, name: NUL-terminated UTF-8. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_store_open(ehr_store **out, const char *path, const char *name);

/* Releases a store. NULL is a no-op. */
EHR_API void ehr_store_free(ehr_store *store);

/* Stores bytes durably (fsynced) unless already present. Nothing is
 * stored when uri_cap is too small.
 * Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL; EHR_ERR_STORAGE.
 * Out:     uri: the address, uri_len bytes (not NUL-terminated);
 *          sha256: the digest, for the record transaction. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_store_put(ehr_store *store, uint8_t *uri, size_t uri_cap,
                         size_t *uri_len, uint8_t sha256[EHR_HASH_BYTES],
                         const uint8_t *bytes, size_t len);

/* Fetches the envelope at uri and re-hashes it against expected_sha256
 * (the digest from the ledger, not from the store).
 * Returns: EHR_OK; EHR_ERR_PARAM for a malformed URI, another store's URI
 *          or a URI digest other than expected_sha256; EHR_ERR_NOT_FOUND;
 *          EHR_ERR_CORRUPT if the stored bytes no longer hash to it;
 *          EHR_ERR_BUFFER_TOO_SMALL; EHR_ERR_STORAGE.
 * Out:     out: the envelope, out_len bytes.
 * In:      uri: uri_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 7)
ehr_status ehr_store_get(ehr_store *store, uint8_t *out, size_t out_cap,
                         size_t *out_len, const uint8_t *uri, size_t uri_len,
                         const uint8_t expected_sha256[EHR_HASH_BYTES]);

/* Re-hashes every stored envelope.
 * Returns: EHR_OK if all match; EHR_ERR_CORRUPT if any does not (message
 *          names the first digest); EHR_ERR_STORAGE.
 * Out:     bad: how many envelopes failed (also set on EHR_ERR_CORRUPT). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_store_verify(ehr_store *store, size_t *bad);


#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_LEDGER_H */
