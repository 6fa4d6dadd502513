/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ehrshare.h - the one public C header of libehrshare.
 *
 * libehrshare shares encrypted electronic health records between the members
 * of a consortium: a threshold distributed key generation replaces the key
 * authority, identity-based proxy re-encryption (Green-Ateniese IBP1 on
 * BLS12-381) lets a proxy convert a record for an authorised reader without
 * seeing it, and a thin ledger records hashes, policies and receipts.
 * The cryptography and wire formats are fixed by PROTOCOL.md (v1).
 *
 * CONVENTIONS (every function below follows them unless its block says
 * otherwise):
 *  - Fallible calls return an ehr_status. EHR_OK is 0; every other number is
 *    permanent and is never reused for another meaning.
 *  - After a call fails, ehr_last_error_message() on the same thread returns
 *    a human-readable reason. It stays valid until the next fallible ehr_*
 *    call (one returning ehr_status) on that thread; calls that cannot fail
 *    (versions, ehr_status_string, ehr_*_bytes) leave it unchanged.
 *  - Argument order: handle, outputs, in/out arguments, inputs. A length
 *    follows its pointer. No pointer may be NULL unless its block says so;
 *    a NULL pointer is reported as EHR_ERR_NULL_POINTER, never a crash.
 *  - Fixed-size values (scalars, points, GT elements) travel in caller-owned
 *    byte buffers whose sizes are given as EHR_*_BYTES macros and as
 *    ehr_*_bytes() functions (for bindings that cannot read macros).
 *  - Variable-size outputs use (out, out_cap, &out_len): on success out_len
 *    is the number of bytes written; if out_cap is too small the call returns
 *    EHR_ERR_BUFFER_TOO_SMALL and sets out_len to the size needed (out may be
 *    NULL to query the size).
 *  - Opaque handles are created through an out-parameter and released with
 *    their ehr_*_free function, which accepts NULL. Memory the library
 *    allocates is released only by ehr_*_free, never by free().
 *  - The library never aborts the host process on bad input.
 *
 * THREAD SAFETY: ehr_init() may be called from any thread, any number of
 * times. Functions without a handle (the byte-level cryptography) are
 * thread-safe. A handle has no internal lock: use it from one thread at a
 * time, unless its section says otherwise.
 */
#ifndef EHRSHARE_H
#define EHRSHARE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- Export and attribute macros --------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define EHR_API __attribute__((visibility("default")))
#define EHR_WARN_UNUSED_RESULT __attribute__((warn_unused_result))
#else
#define EHR_API
#define EHR_WARN_UNUSED_RESULT
#endif

/* The library checks every pointer itself, so the nonnull hint (which lets a
 * compiler drop such checks) is applied to callers only. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(EHR_BUILD)
#define EHR_NONNULL(...) __attribute__((nonnull(__VA_ARGS__)))
#else
#define EHR_NONNULL(...)
#endif

/* --- Versions ------------------------------------------------------------ */

#define EHR_VERSION_MAJOR 0
#define EHR_VERSION_MINOR 1
#define EHR_VERSION_PATCH 0
#define EHR_VERSION_STRING "0.1.0"

/* Bumped whenever a shipped declaration in this header changes meaning.
 * Pass it to ehr_init() so a library built for another header refuses. */
#define EHR_ABI_VERSION 1

/* --- Status codes (permanent numbers) ------------------------------------ */

typedef enum ehr_status {
    EHR_OK = 0,
    /* Caller errors */
    EHR_ERR_NULL_POINTER = 1,      /* a required pointer was NULL */
    EHR_ERR_BUFFER_TOO_SMALL = 2,  /* out_cap too small; out_len = needed */
    EHR_ERR_ABI_MISMATCH = 3,      /* ehr_init() got another ABI version */
    EHR_ERR_PARAM = 4,             /* argument out of range, wrong index,
                                      wrong session, too few shares */
    EHR_ERR_STATE = 5,             /* call not valid in the handle's state */
    /* Decoding (PROTOCOL.md section 11, in the order they are checked) */
    EHR_ERR_LENGTH = 10,           /* wrong length or trailing bytes */
    EHR_ERR_MAGIC = 11,            /* object does not start with "EHRS" */
    EHR_ERR_VERSION = 12,          /* unsupported version byte */
    EHR_ERR_TYPE = 13,             /* unexpected type byte */
    EHR_ERR_SCALAR = 14,           /* scalar not below the group order r */
    EHR_ERR_ENCODING = 15,         /* bad flags, coordinate >= p, off curve,
                                      zero GT element, invalid UTF-8 id */
    EHR_ERR_SUBGROUP = 16,         /* point or GT element outside the
                                      prime-order subgroup */
    EHR_ERR_IDENTITY = 17,         /* identity element where forbidden */
    /* Cryptographic outcomes */
    EHR_ERR_VERIFY = 20,           /* signature, partial key or proof invalid */
    EHR_ERR_DECRYPT = 21,          /* any decryption failure (undistinguished) */
    EHR_ERR_INVALID_CT = 22,       /* ciphertext fails its validity check */
    EHR_ERR_STALE = 23,            /* timestamp outside the replay window */
    EHR_ERR_REPLAY = 24,           /* nonce already seen */
    EHR_ERR_POLICY = 25,           /* access policy does not allow it */
    /* Ledger and storage */
    EHR_ERR_LEDGER_REJECTED = 30,  /* block or transaction fails a rule */
    EHR_ERR_STORAGE = 31,          /* I/O or database error */
    EHR_ERR_CORRUPT = 32,          /* stored data fails its checksum/hash */
    EHR_ERR_NOT_FOUND = 33,        /* no such record, block or key */
    /* Environment */
    EHR_ERR_RANDOM = 40,           /* the system random generator failed */
    EHR_ERR_INTERNAL = 99          /* a bug: please report it */
} ehr_status;

/* --- Sizes (bytes) --------------------------------------------------------- */

#define EHR_SCALAR_BYTES 32   /* big-endian integer below the group order r */
#define EHR_G1_BYTES 48       /* compressed G1 point (ZCash format) */
#define EHR_G2_BYTES 96       /* compressed G2 point (ZCash format, x.c1 first) */
#define EHR_GT_BYTES 576      /* canonical GT element (PROTOCOL.md section 3) */

/* --- Library ------------------------------------------------------------- */

/* Checks that the library matches this header and prepares shared tables.
 * Call it once before anything else (more calls are harmless).
 * Returns: EHR_OK, or EHR_ERR_ABI_MISMATCH if abi_version differs from the
 *          library's EHR_ABI_VERSION.
 * In:      abi_version: pass EHR_ABI_VERSION.
 * Thread safety: safe from any thread. */
EHR_API EHR_WARN_UNUSED_RESULT ehr_status ehr_init(uint32_t abi_version);

/* Returns: the library version as a static NUL-terminated string, e.g.
 *          "0.1.0". Never NULL; do not free. Thread-safe. */
EHR_API const char *ehr_version_string(void);

/* Returns: the ABI version the library was built with (EHR_ABI_VERSION of
 *          its header). Thread-safe. */
EHR_API uint32_t ehr_abi_version(void);

/* Returns: a static NUL-terminated name for a status, e.g. "EHR_ERR_LENGTH";
 *          "EHR_ERR_UNKNOWN" for a number that is not a status. Never NULL;
 *          do not free. Thread-safe. */
EHR_API const char *ehr_status_string(ehr_status status);

/* Returns: the message of the last failed call on this thread, or "" if the
 *          last call succeeded or none was made. Never NULL; do not free.
 *          Valid until the next ehr_* call returning ehr_status on the
 *          same thread.
 * Thread safety: thread-local. */
EHR_API const char *ehr_last_error_message(void);


/* Returns: the fixed sizes above, for bindings that cannot read macros.
 * Thread-safe; they leave the last error message unchanged. */
EHR_API size_t ehr_scalar_bytes(void);
EHR_API size_t ehr_g1_bytes(void);
EHR_API size_t ehr_g2_bytes(void);
EHR_API size_t ehr_gt_bytes(void);

/* --- BLS12-381 primitives -------------------------------------------------
 *
 * Byte-level access to the pairing engine, for hosts that build their own
 * protocols on it and for cross-checks against other implementations.
 * Encodings follow PROTOCOL.md section 3. Every input is fully validated
 * (section 11): a point must be canonical, on the curve, in the prime-order
 * subgroup and not the identity; a scalar must be below r and not zero; a GT
 * element must be canonical, in the order-r subgroup and not 1. A result that
 * would be an identity element is refused with EHR_ERR_IDENTITY (it could
 * not be passed back in). Multiplications by scalars run in constant time.
 * Outputs are caller-owned buffers of the stated size; outputs may alias
 * inputs. All functions here are thread-safe. */

/* Writes a uniformly random non-zero scalar.
 * Returns: EHR_OK, EHR_ERR_RANDOM if the system generator failed.
 * Out:     out: EHR_SCALAR_BYTES bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_scalar_random(uint8_t out[EHR_SCALAR_BYTES]);

/* Checks encodings without computing anything.
 * Returns: EHR_OK if the input is a valid element (rules above), else the
 *          status of the first rule it breaks. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_scalar_check(const uint8_t scalar[EHR_SCALAR_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_g1_check(const uint8_t point[EHR_G1_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_g2_check(const uint8_t point[EHR_G2_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_gt_check(const uint8_t element[EHR_GT_BYTES]);

/* Writes the standard generator g1 / g2, or e(g1, g2).
 * Returns: EHR_OK. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_g1_generator(uint8_t out[EHR_G1_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_g2_generator(uint8_t out[EHR_G2_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_gt_generator(uint8_t out[EHR_GT_BYTES]);

/* out = a + b.
 * Returns: EHR_OK; a decoding status for a bad input; EHR_ERR_IDENTITY if
 *          b = -a. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_g1_add(uint8_t out[EHR_G1_BYTES], const uint8_t a[EHR_G1_BYTES],
                      const uint8_t b[EHR_G1_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_g2_add(uint8_t out[EHR_G2_BYTES], const uint8_t a[EHR_G2_BYTES],
                      const uint8_t b[EHR_G2_BYTES]);

/* out = scalar * point, in constant time with respect to the scalar.
 * Returns: EHR_OK, or a decoding status for a bad point or scalar. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_g1_mul(uint8_t out[EHR_G1_BYTES], const uint8_t point[EHR_G1_BYTES],
                      const uint8_t scalar[EHR_SCALAR_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_g2_mul(uint8_t out[EHR_G2_BYTES], const uint8_t point[EHR_G2_BYTES],
                      const uint8_t scalar[EHR_SCALAR_BYTES]);

/* RFC 9380 hash_to_curve, suites BLS12381G1_XMD:SHA-256_SSWU_RO_ and
 * BLS12381G2_XMD:SHA-256_SSWU_RO_, with the caller's domain separation tag;
 * and hash to a scalar (PROTOCOL.md section 3, Hs: expand_message_xmd to 48
 * bytes, reduced mod r).
 * Returns: EHR_OK; EHR_ERR_PARAM if dst_len is 0 or above 255;
 *          EHR_ERR_IDENTITY in the (negligible) case of a zero/identity hash.
 * In:      msg: msg_len bytes (may be NULL when msg_len is 0);
 *          dst: dst_len bytes, 1..255. */
EHR_API EHR_WARN_UNUSED_RESULT
ehr_status ehr_hash_to_g1(uint8_t out[EHR_G1_BYTES], const uint8_t *msg, size_t msg_len,
                          const uint8_t *dst, size_t dst_len);
EHR_API EHR_WARN_UNUSED_RESULT
ehr_status ehr_hash_to_g2(uint8_t out[EHR_G2_BYTES], const uint8_t *msg, size_t msg_len,
                          const uint8_t *dst, size_t dst_len);
EHR_API EHR_WARN_UNUSED_RESULT
ehr_status ehr_hash_to_scalar(uint8_t out[EHR_SCALAR_BYTES], const uint8_t *msg,
                              size_t msg_len, const uint8_t *dst, size_t dst_len);

/* out = e(p, q), the optimal ate pairing with blst's normalisation.
 * Returns: EHR_OK, or a decoding status for a bad input. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_pairing(uint8_t out[EHR_GT_BYTES], const uint8_t p[EHR_G1_BYTES],
                       const uint8_t q[EHR_G2_BYTES]);

/* out = prod_i e(ps[i], qs[i]) with one shared final exponentiation.
 * Returns: EHR_OK; EHR_ERR_PARAM if count is 0; a decoding status (message
 *          names the index) for a bad input; EHR_ERR_IDENTITY if the
 *          product is 1 (use ehr_pairing_check to test for that).
 * In:      ps: count * EHR_G1_BYTES bytes; qs: count * EHR_G2_BYTES bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_pairing_product(uint8_t out[EHR_GT_BYTES], const uint8_t *ps,
                               const uint8_t *qs, size_t count);

/* Tests prod_i e(ps[i], qs[i]) == 1 (how signatures and partial keys are
 * verified). Returns: EHR_OK if it holds, EHR_ERR_VERIFY if it does not,
 * EHR_ERR_PARAM if count is 0, or a decoding status for a bad input. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_pairing_check(const uint8_t *ps, const uint8_t *qs, size_t count);

/* GT arithmetic: out = a * b; out = a / b; out = a^scalar (constant time
 * with respect to the scalar).
 * Returns: EHR_OK; a decoding status for a bad input; EHR_ERR_IDENTITY if
 *          the result is 1. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_gt_mul(uint8_t out[EHR_GT_BYTES], const uint8_t a[EHR_GT_BYTES],
                      const uint8_t b[EHR_GT_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_gt_div(uint8_t out[EHR_GT_BYTES], const uint8_t a[EHR_GT_BYTES],
                      const uint8_t b[EHR_GT_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_gt_pow(uint8_t out[EHR_GT_BYTES], const uint8_t a[EHR_GT_BYTES],
                      const uint8_t scalar[EHR_SCALAR_BYTES]);

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
 * the transaction's signing message (ehr_tx_signing_message);
 * ehr_tx_sign_identity builds it.
 *
 * THREAD SAFETY: an ehr_ledger, ehr_store or ehr_genesis handle has no
 * internal lock: use each from one thread at a time, queries (const handles)
 * included, since they read the database. Different handles may be used on
 * different threads at once; never open one ledger file through two handles.
 * An ehr_node_key is immutable: its const calls may run on any thread. */

typedef struct ehr_node_key ehr_node_key;
typedef struct ehr_genesis ehr_genesis;
typedef struct ehr_ledger ehr_ledger;
typedef struct ehr_store ehr_store;

#define EHR_HASH_BYTES 32            /* SHA-256: ids, hashes, digests */
#define EHR_NODE_SEED_BYTES 32       /* Ed25519 seed (RFC 8032 secret) */
#define EHR_NODE_PUBLIC_KEY_BYTES 32 /* Ed25519 public key */
#define EHR_NODE_SIGNATURE_BYTES 64  /* Ed25519 signature */
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
EHR_API size_t ehr_node_seed_bytes(void);
EHR_API size_t ehr_node_public_key_bytes(void);
EHR_API size_t ehr_node_signature_bytes(void);

/* Node keys (Ed25519). The seed never leaves the handle; it is wiped when
 * the key is freed. */

/* Creates a key from the system random generator / from a 32-byte seed.
 * Returns: EHR_OK; EHR_ERR_RANDOM if the generator failed;
 *          EHR_ERR_PARAM if OpenSSL refuses the seed.
 * Out:     out: a new key; free it with ehr_node_key_free. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_node_key_generate(ehr_node_key **out);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_node_key_from_seed(ehr_node_key **out,
                                  const uint8_t seed[EHR_NODE_SEED_BYTES]);

/* Releases a key and wipes its seed. NULL is a no-op. */
EHR_API void ehr_node_key_free(ehr_node_key *key);

/* Out:     out: the key's public key.
 * Returns: EHR_OK. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_node_key_public(const ehr_node_key *key,
                               uint8_t out[EHR_NODE_PUBLIC_KEY_BYTES]);

/* Signs msg (PureEdDSA, RFC 8032).
 * Returns: EHR_OK, or EHR_ERR_STORAGE if OpenSSL fails.
 * Out:     out: the signature.
 * In:      msg: msg_len bytes (may be NULL when msg_len is 0). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_node_key_sign(const ehr_node_key *key,
                             uint8_t out[EHR_NODE_SIGNATURE_BYTES],
                             const uint8_t *msg, size_t msg_len);

/* Checks an Ed25519 signature.
 * Returns: EHR_OK if it is valid, EHR_ERR_VERIFY if not. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_node_signature_verify(
    const uint8_t public_key[EHR_NODE_PUBLIC_KEY_BYTES], const uint8_t *msg,
    size_t msg_len, const uint8_t signature[EHR_NODE_SIGNATURE_BYTES]);

/* Genesis (block 0: the consortium's nodes, stakes and parameters). */

/* Starts a genesis without nodes.
 * Returns: EHR_OK; EHR_ERR_PARAM for an empty chain name.
 * Out:     out: a new genesis; free it with ehr_genesis_free.
 * In:      chain_name: 1..255 bytes; genesis_time_ms: Unix ms of slot 0;
 *          slot_ms >= 1; producers: K, active producers per round
 *          (1..node count); replay_window_ms: how far an identity-signed
 *          transaction's time may be from its block's (300000 = PROTOCOL.md
 *          default); max_drift_ms: how far ahead of the local clock a block
 *          may be; seed: 32 bytes mixed into every round's schedule. */
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
ehr_status ehr_genesis_hash(const ehr_genesis *genesis,
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
ehr_status ehr_ledger_open_report(const ehr_ledger *ledger,
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
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("rule: reason"); EHR_ERR_STATE
 *          if the pool holds 10000 transactions.
 * Out:     tx_id: the transaction id (SHA-256 of its encoding). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_ledger_submit(ehr_ledger *ledger, uint8_t tx_id[EHR_HASH_BYTES],
                             const uint8_t *tx, size_t tx_len);

/* Out:     count: transactions waiting in the pool. Returns: EHR_OK. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_pool_count(const ehr_ledger *ledger, size_t *count);

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
ehr_status ehr_ledger_height(const ehr_ledger *ledger, uint64_t *height);
/* Out: height of the last irreversible block (0 = genesis). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_irreversible_height(const ehr_ledger *ledger,
                                          uint64_t *height);
/* Out: hash of the tip block / of the genesis (the chain id). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_tip_hash(const ehr_ledger *ledger,
                               uint8_t out[EHR_HASH_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_genesis_hash(const ehr_ledger *ledger,
                                   uint8_t out[EHR_HASH_BYTES]);

/* Slots: slot 0 is the genesis time; slot s starts at
 * genesis_time + s * slot_ms.
 * Out:     slot: the slot running at unix_ms; unix_ms: when slot starts.
 * Returns: EHR_OK; EHR_ERR_PARAM for a time before genesis. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_slot_at(const ehr_ledger *ledger, uint64_t *slot,
                              uint64_t unix_ms);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_slot_time(const ehr_ledger *ledger, uint64_t *unix_ms,
                                uint64_t slot);
/* Out: the slot of the tip block. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_tip_slot(const ehr_ledger *ledger, uint64_t *slot);

/* The DPoS round of the tip: its schedule (producer of slot s is
 * schedule[s mod K]) and its active producers (sorted), K entries each.
 * Returns: EHR_OK, or EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: out_len node indices (out_cap and out_len count entries,
 *          not bytes). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_schedule(const ehr_ledger *ledger, uint16_t *out,
                               size_t out_cap, size_t *out_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_active_producers(const ehr_ledger *ledger,
                                       uint16_t *out, size_t out_cap,
                                       size_t *out_len);

/* Who must produce the block of slot on the current tip (a later round's
 * schedule is computed from the votes so far).
 * Returns: EHR_OK; EHR_ERR_PARAM if slot is not after the tip's slot.
 * Out:     producer: a node index. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_scheduled_producer(const ehr_ledger *ledger,
                                         uint16_t *producer, uint64_t slot);

/* Out:     count: registered nodes (indices 0..count-1). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_ledger_node_count(const ehr_ledger *ledger, size_t *count);

/* A node's standing.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND for an unknown index.
 * Out:     stake; next_sequence: the sequence its next vote, dkg or
 *          register (as sponsor) must carry; public_key: its node key. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4)
ehr_status ehr_ledger_node(const ehr_ledger *ledger, uint64_t *stake,
                           uint64_t *next_sequence,
                           uint8_t public_key[EHR_NODE_PUBLIC_KEY_BYTES],
                           uint16_t node);

/* The canonical block at height (>= 1), re-checked against its checksum.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND; EHR_ERR_CORRUPT ("corrupt at height
 *          N: ..."); EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the block encoding, out_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_ledger_block(const ehr_ledger *ledger, uint8_t *out,
                            size_t out_cap, size_t *out_len, uint64_t height);

/* A published record.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND; EHR_ERR_BUFFER_TOO_SMALL if owner or
 *          uri does not fit (the fixed outputs are written anyway).
 * Out:     ciphertext_sha256: digest of the sealed envelope; height: block
 *          that published it; owner: owner_len bytes (identity);
 *          uri: uri_len bytes (storage address, not NUL-terminated). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 6, 9, 10)
ehr_status ehr_ledger_record(const ehr_ledger *ledger,
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
ehr_status ehr_ledger_request(const ehr_ledger *ledger,
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
ehr_status ehr_ledger_request_receipt(
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
ehr_status ehr_tx_id(uint8_t out[EHR_HASH_BYTES], const uint8_t *tx,
                     size_t tx_len);

/* The message a transaction's signatures cover on the chain genesis_hash
 * names ("EHRS" 01 53 || genesis hash || the encoding without signature
 * fields); for identity transactions, the payload of the SIGNED envelope.
 * Returns: EHR_OK; EHR_ERR_LEDGER_REJECTED ("encoding: ...");
 *          EHR_ERR_BUFFER_TOO_SMALL. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 5)
ehr_status ehr_tx_signing_message(uint8_t *out, size_t out_cap,
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

/* --- Distributed key generation and threshold keys ---------------------
 *
 * The consortium authorities replace a key authority by a GJKR distributed
 * key generation (PROTOCOL.md section 4) and then issue threshold identity
 * keys (section 5): authority i answers a request for an identity with a
 * PARTIAL_KEY; any t verified partial keys combine into the identity's
 * decryption key ske and signing key sks.
 *
 * Objects:
 *  - ehr_dkg_node_key: an authority's long-term node keys for the DKG channel
 *    (Ed25519 signs every DKG message, X25519 receives sealed shares). Its
 *    public part (EHR_DKG_NODE_PUBLIC_KEY_BYTES: Ed25519 key || X25519 key) goes
 *    into the roster that every authority knows before the DKG.
 *  - ehr_dkg: one authority's side of one DKG run, a state machine without
 *    I/O. The host carries the bytes: it calls ehr_dkg_start, hands every
 *    message it receives to ehr_dkg_receive, and calls ehr_dkg_advance at
 *    each round deadline (six times; the ledger fixes the deadlines). start
 *    and advance put the messages to send into the handle's outgoing queue;
 *    ehr_dkg_next_message takes them out one by one with their recipient
 *    (0 = broadcast to every authority, k = authority k only).
 *  - ehr_params: PARAMS (sid, t, n, y, Y_1..Y_n), the public output of the
 *    DKG that goes on the ledger, decoded and validated once.
 *  - ehr_key_share: an authority's secret share x_i with its index and
 *    PARAMS; it issues partial keys. Taken from a finished ehr_dkg, or
 *    re-created from the 32 secret bytes after a restart.
 *  - ehr_identity_key: a user's combined keys (ske, sks).
 *
 * A roster is n entries back to back, authority 1 first; each entry is
 * id(name) || node public key, where id(name) is a big-endian u16 length
 * followed by 1..1024 bytes of UTF-8 (the encoding of PROTOCOL.md
 * section 10). Every authority must pass the same roster bytes, threshold
 * and nonce, or the session ids differ and the messages are refused.
 *
 * Identities (id, id_len) are 1..1024 bytes of UTF-8, canonicalised by
 * the caller (PROTOCOL.md section 3); partial keys travel only over an
 * authenticated, confidential channel, since t of them reveal the key.
 *
 * Secrets (node keys, polynomials, key shares, identity keys) are
 * overwritten when their handle is freed. Two are released without being
 * overwritten, for now: the copy of x_i inside a finished ehr_dkg (take an
 * ehr_key_share and free the ehr_dkg early) and an ehr_blinding's factor.
 *
 * THREAD SAFETY: ehr_dkg has no internal lock: one thread at a time, for
 * its getters too. ehr_dkg_node_key, ehr_params, ehr_key_share and
 * ehr_identity_key never change after creation and may be used from
 * several threads at once (but not freed while in use). */

typedef struct ehr_dkg_node_key ehr_dkg_node_key;
typedef struct ehr_dkg ehr_dkg;
typedef struct ehr_params ehr_params;
typedef struct ehr_key_share ehr_key_share;
typedef struct ehr_identity_key ehr_identity_key;

#define EHR_DKG_NODE_PUBLIC_KEY_BYTES 64  /* Ed25519 public || X25519 public */
#define EHR_DKG_NODE_SECRET_KEY_BYTES 64  /* Ed25519 seed || X25519 private */
#define EHR_FINGERPRINT_BYTES 32      /* SHA-256("EHRSHARE-V1-MPK" || y) */
#define EHR_SESSION_ID_BYTES 32       /* DKG sid */
/* The largest message ehr_dkg_next_message returns (a signed commitment
 * with t = 256); a buffer this large is never too small. */
#define EHR_DKG_MESSAGE_MAX_BYTES 24726

/* Returns: the sizes above, for bindings that cannot read macros.
 * Thread-safe; they leave the last error message unchanged. */
EHR_API size_t ehr_dkg_node_public_key_bytes(void);
EHR_API size_t ehr_dkg_node_secret_key_bytes(void);
EHR_API size_t ehr_fingerprint_bytes(void);
EHR_API size_t ehr_session_id_bytes(void);
EHR_API size_t ehr_dkg_message_max_bytes(void);

/* The rounds of a DKG (permanent numbers). Each ends at a deadline, where
 * the host calls ehr_dkg_advance. */
typedef enum ehr_dkg_round {
    EHR_DKG_ROUND_IDLE = 0,               /* created, not started */
    EHR_DKG_ROUND_DEALING = 1,            /* commitments, sealed shares */
    EHR_DKG_ROUND_COMPLAINTS = 2,         /* complaints about shares */
    EHR_DKG_ROUND_ANSWERS = 3,            /* answers; QUAL fixed at its end */
    EHR_DKG_ROUND_FELDMAN = 4,            /* Feldman vectors of QUAL */
    EHR_DKG_ROUND_FELDMAN_COMPLAINTS = 5, /* complaints about them */
    EHR_DKG_ROUND_RECONSTRUCTION = 6,     /* shares of dealers to rebuild */
    EHR_DKG_ROUND_DONE = 7,               /* finished with a result */
    EHR_DKG_ROUND_FAILED = 8              /* stopped: too many faults */
} ehr_dkg_round;

/* Kinds of misbehaviour a DKG attributes to an authority (permanent
 * numbers). The first five decide QUAL by the common rule of PROTOCOL.md
 * section 4 step 4, so every honest authority records them alike. */
typedef enum ehr_dkg_fault_kind {
    EHR_DKG_FAULT_MISSING_COMMITMENT = 1,  /* no valid DKG_COMMIT */
    EHR_DKG_FAULT_EQUIVOCATION = 2,        /* two different signed messages
                                              for one slot */
    EHR_DKG_FAULT_TOO_MANY_COMPLAINTS = 3, /* t or more complainers */
    EHR_DKG_FAULT_UNANSWERED_COMPLAINT = 4,
    EHR_DKG_FAULT_INVALID_ANSWER = 5,      /* answer fails Pedersen check */
    EHR_DKG_FAULT_MISSING_FELDMAN = 6,     /* secret reconstructed instead */
    EHR_DKG_FAULT_FELDMAN_MISMATCH = 7,    /* valid Feldman complaint */
    EHR_DKG_FAULT_INVALID_FELDMAN_COMPLAINT = 8,
    EHR_DKG_FAULT_INVALID_REVEAL = 9,      /* reveal fails Pedersen check */
    EHR_DKG_FAULT_MALFORMED_MESSAGE = 10   /* signed but undecodable */
} ehr_dkg_fault_kind;

/* One observed fault: the authority at fault and what it did. */
typedef struct ehr_dkg_fault {
    uint16_t authority;  /* index 1..n */
    uint16_t kind;       /* an ehr_dkg_fault_kind */
} ehr_dkg_fault;

/* Creates fresh node keys from the system generator.
 * Returns: EHR_OK, EHR_ERR_RANDOM.
 * Out:     out: the new handle; free it with ehr_dkg_node_key_free. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_dkg_node_key_generate(ehr_dkg_node_key **out);

/* Re-creates node keys from their secret bytes (kept by the host, e.g.
 * drawn with its own generator and stored encrypted).
 * Returns: EHR_OK; EHR_ERR_PARAM if OpenSSL refuses a half.
 * Out:     out: the new handle; free it with ehr_dkg_node_key_free.
 * In:      secret: Ed25519 seed (32) || X25519 private key (32). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_node_key_from_secret(
    ehr_dkg_node_key **out, const uint8_t secret[EHR_DKG_NODE_SECRET_KEY_BYTES]);

/* Writes the public part, the authority's roster key.
 * Returns: EHR_OK.
 * Out:     out: Ed25519 public key (32) || X25519 public key (32). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_node_key_get_public(const ehr_dkg_node_key *key,
                                   uint8_t out[EHR_DKG_NODE_PUBLIC_KEY_BYTES]);

/* Wipes the secrets and releases the handle. NULL is ignored. A DKG
 * created with the key keeps its own reference, so this may come first. */
EHR_API void ehr_dkg_node_key_free(ehr_dkg_node_key *key);

/* Creates authority `index`'s side of a DKG run.
 * Returns: EHR_OK; EHR_ERR_LENGTH for a truncated roster; EHR_ERR_PARAM
 *          for an empty or over-long roster (n = 1..256), bad names or
 *          keys, repeated names or keys, t outside 1..n, a nonce not
 *          16..1024 bytes, an index outside 1..n, or node keys that are
 *          not roster entry `index`.
 * Out:     out: the new handle (round EHR_DKG_ROUND_IDLE); free it with
 *          ehr_dkg_free.
 * In:      roster: roster_len bytes, n entries (format above);
 *          threshold: t, the number of authorities any key needs (n >=
 *          2t - 1 tolerates t - 1 misbehaving authorities);
 *          nonce: fresh public randomness agreed on the ledger;
 *          index: this authority, 1..n; key: its node keys. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 5, 8)
ehr_status ehr_dkg_new(ehr_dkg **out, const uint8_t *roster,
                       size_t roster_len, uint16_t threshold,
                       const uint8_t *nonce, size_t nonce_len,
                       uint16_t index, const ehr_dkg_node_key *key);

/* Opens round 1 (dealing): draws the polynomials and queues a signed
 * commitment (broadcast) and one sealed share per other authority.
 * Returns: EHR_OK; EHR_ERR_STATE if already started; EHR_ERR_RANDOM.
 * Out:     queued: number of messages now waiting in the queue (may be
 *          NULL). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_dkg_start(ehr_dkg *dkg, size_t *queued);

/* Closes the current round at its deadline and queues the messages of
 * the next one (possibly none). After the sixth call the round is
 * EHR_DKG_ROUND_DONE and the result getters below work.
 * Returns: EHR_OK; EHR_ERR_STATE before ehr_dkg_start, after the end, or
 *          if the run cannot finish (every dealer disqualified, or too
 *          few valid shares to rebuild one: more than t - 1 authorities
 *          misbehaved), the round is then EHR_DKG_ROUND_FAILED;
 *          EHR_ERR_VERIFY if this authority's own share does not match
 *          Y_index (round FAILED too).
 * Out:     queued: as for ehr_dkg_start (may be NULL). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_dkg_advance(ehr_dkg *dkg, size_t *queued);

/* Takes the oldest queued message. Broadcasts go to every authority
 * (through the ledger); the others only to authority *to. Messages stay
 * queued, in order, across rounds until taken.
 * Returns: EHR_OK; EHR_ERR_NOT_FOUND if the queue is empty (*out_len and
 *          *to are then 0); EHR_ERR_BUFFER_TOO_SMALL with *out_len and *to
 *          set, the message staying first in the queue.
 * Out:     to: 0 for a broadcast, else the recipient's index;
 *          out: out_cap bytes (EHR_DKG_MESSAGE_MAX_BYTES always suffice),
 *          *out_len: the message's length. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 5)
ehr_status ehr_dkg_next_message(ehr_dkg *dkg, uint16_t *to, uint8_t *out,
                                size_t out_cap, size_t *out_len);

/* Hands one message from authority `from` to the DKG, which checks it and
 * keeps it for the next deadline. Messages of a later round are kept, so
 * delivery order within the run does not matter; a byte-identical repeat
 * is harmless. A failure is the sender's fault (the message names it);
 * keep going: the DKG handles misbehaviour at the deadlines.
 * Returns: EHR_OK; EHR_ERR_LENGTH, _MAGIC, _VERSION, _TYPE for bad
 *          framing; EHR_ERR_PARAM for another session, an index out of
 *          range or a sender other than the signer; EHR_ERR_VERIFY for a
 *          bad signature or a conflicting second message; EHR_ERR_DECRYPT
 *          for a share that does not decrypt; EHR_ERR_STATE if the
 *          message's round is over or the run has ended; a decoding
 *          status for a bad scalar or point.
 * Out:     duplicate: 1 if the message repeats one already taken, else 0
 *          (may be NULL).
 * In:      msg: msg_len bytes; from: the sender's index, 1..n. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 3)
ehr_status ehr_dkg_receive(ehr_dkg *dkg, int *duplicate, const uint8_t *msg,
                           size_t msg_len, uint16_t from);

/* Returns: EHR_OK.
 * Out:     round: the round whose deadline has not passed yet. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_get_round(const ehr_dkg *dkg, ehr_dkg_round *round);

/* The misbehaviour observed so far, oldest first (one authority can
 * appear several times).
 * Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL (out may be NULL to ask).
 * Out:     out: out_cap entries; *out_len: the number of faults. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_dkg_get_faults(const ehr_dkg *dkg, ehr_dkg_fault *out,
                              size_t out_cap, size_t *out_len);

/* The same faults as text for logs: one line per fault, in the same order,
 * "authority <k>: <kind> (<detail>)\n", UTF-8, not NUL-terminated.
 * Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL (out may be NULL to ask).
 * Out:     out: out_cap bytes; *out_len: the text's length. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_dkg_get_fault_log(const ehr_dkg *dkg, uint8_t *out,
                                 size_t out_cap, size_t *out_len);

/* Returns: EHR_OK.
 * Out:     out: the session id every message of the run carries. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_get_session_id(const ehr_dkg *dkg,
                                  uint8_t out[EHR_SESSION_ID_BYTES]);

/* Results of a finished run (round EHR_DKG_ROUND_DONE). Every honest
 * authority gets the same QUAL, PARAMS, y and fingerprint.
 * Returns: EHR_OK; EHR_ERR_STATE if the run is not done;
 *          EHR_ERR_BUFFER_TOO_SMALL for the variable-size ones.
 * Out:     get_qual: the qualified dealers, ascending, out_cap entries,
 *          *out_len = their number;
 *          get_params: PARAMS, 138 + 96n bytes;
 *          get_master_public_key: y (G2);
 *          get_fingerprint: fp of y, which clients pin;
 *          get_key_share: a new handle with this authority's share x_index
 *          (free it with ehr_key_share_free). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_dkg_get_qual(const ehr_dkg *dkg, uint16_t *out,
                            size_t out_cap, size_t *out_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_dkg_get_params(const ehr_dkg *dkg, uint8_t *out,
                              size_t out_cap, size_t *out_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_get_master_public_key(const ehr_dkg *dkg,
                                         uint8_t out[EHR_G2_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_get_fingerprint(const ehr_dkg *dkg,
                                   uint8_t out[EHR_FINGERPRINT_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_dkg_get_key_share(const ehr_dkg *dkg, ehr_key_share **out);

/* Wipes the DKG's polynomials and received shares (see above for x_i) and
 * releases the handle. NULL is ignored. */
EHR_API void ehr_dkg_free(ehr_dkg *dkg);

/* Decodes and validates PARAMS (PROTOCOL.md section 11 order).
 * Returns: EHR_OK; a decoding status (LENGTH ... IDENTITY); EHR_ERR_PARAM
 *          for t, n out of range.
 * Out:     out: the new handle; free it with ehr_params_free.
 * In:      params: params_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_params_from_bytes(ehr_params **out, const uint8_t *params,
                                 size_t params_len);

/* Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the 138 + 96n bytes of PARAMS. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_params_to_bytes(const ehr_params *params, uint8_t *out,
                               size_t out_cap, size_t *out_len);

/* Returns: EHR_OK.
 * Out:     threshold: t; n: the number of authorities. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_params_get_threshold(const ehr_params *params,
                                    uint16_t *threshold, uint16_t *n);

/* Returns: EHR_OK.
 * Out:     out: y (G2), or the fingerprint of y. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_params_get_master_public_key(const ehr_params *params,
                                            uint8_t out[EHR_G2_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_params_get_fingerprint(const ehr_params *params,
                                      uint8_t out[EHR_FINGERPRINT_BYTES]);

/* Returns: EHR_OK; EHR_ERR_PARAM if index is outside 1..n.
 * Out:     out: the public share Y_index (G2). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_params_get_public_share(const ehr_params *params,
                                       uint8_t out[EHR_G2_BYTES],
                                       uint16_t index);

/* Releases the handle. NULL is ignored. */
EHR_API void ehr_params_free(ehr_params *params);

/* Re-creates authority `index`'s key share from its secret bytes (as
 * ehr_key_share_get_secret wrote them), checking x * g2 = Y_index.
 * Returns: EHR_OK; EHR_ERR_PARAM if index is outside 1..n;
 *          EHR_ERR_SCALAR for a scalar not below r, or zero;
 *          EHR_ERR_VERIFY if the secret is not authority index's share.
 * Out:     out: the new handle; free it with ehr_key_share_free.
 * In:      params: the PARAMS of the DKG; secret: x_index. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 4)
ehr_status ehr_key_share_new(ehr_key_share **out, const ehr_params *params,
                             uint16_t index,
                             const uint8_t secret[EHR_SCALAR_BYTES]);

/* Exports the secret share x_index, for the host to store protected.
 * Returns: EHR_OK.
 * Out:     out: 32-byte big-endian scalar. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_key_share_get_secret(const ehr_key_share *share,
                                    uint8_t out[EHR_SCALAR_BYTES]);

/* Returns: EHR_OK.
 * Out:     index: the authority's index, 1..n. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_key_share_get_index(const ehr_key_share *share,
                                   uint16_t *index);

/* Issues PARTIAL_KEY (x_i * H1e(id), x_i * H1s(id)) for an identity. The
 * host must first have authenticated the requester as the holder of
 * exactly this id and applied the checks of PROTOCOL.md section 5.
 * Returns: EHR_OK; EHR_ERR_PARAM for an invalid id;
 *          EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: 138 + id_len bytes.
 * In:      id: id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_key_share_issue(const ehr_key_share *share, uint8_t *out,
                               size_t out_cap, size_t *out_len,
                               const uint8_t *id, size_t id_len);

/* Wipes the secret share and releases the handle. NULL is ignored. */
EHR_API void ehr_key_share_free(ehr_key_share *share);

/* Checks a PARTIAL_KEY for an identity against Y_index of PARAMS.
 * Returns: EHR_OK; a decoding status; EHR_ERR_PARAM for another master
 *          key (fingerprint), another identity or an index outside 1..n;
 *          EHR_ERR_VERIFY if the shares are wrong (the message names the
 *          authority).
 * Out:     index: the issuing authority (may be NULL); set whenever the
 *          bytes decode, so also with EHR_ERR_VERIFY.
 * In:      partial_key: len bytes; id: id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 3, 5)
ehr_status ehr_partial_key_verify(const ehr_params *params, uint16_t *index,
                                  const uint8_t *partial_key, size_t len,
                                  const uint8_t *id, size_t id_len);

/* Combines partial keys of distinct authorities into the identity's keys:
 * every one is verified, the first t by index are interpolated, and the
 * result is checked against y.
 * Returns: EHR_OK; EHR_ERR_PARAM for fewer than t keys, two from one
 *          authority, another identity or master key; a decoding status
 *          (message names the position in the array); EHR_ERR_VERIFY
 *          naming the first authority whose partial key is wrong.
 * Out:     out: the new handle; free it with ehr_identity_key_free.
 * In:      partial_keys[k]: partial_key_lens[k] bytes, k < count;
 *          id: id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4, 6)
ehr_status ehr_identity_key_combine(ehr_identity_key **out,
                                    const ehr_params *params,
                                    const uint8_t *const *partial_keys,
                                    const size_t *partial_key_lens,
                                    size_t count, const uint8_t *id,
                                    size_t id_len);

/* Exports the keys for the re-encryption and signature layers.
 * Returns: EHR_OK.
 * Out:     out: ske = s * H1e(id), or sks = s * H1s(id) (G1). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_identity_key_get_decryption_key(const ehr_identity_key *key,
                                               uint8_t out[EHR_G1_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_identity_key_get_signing_key(const ehr_identity_key *key,
                                            uint8_t out[EHR_G1_BYTES]);

/* Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: the identity the keys belong to. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_identity_key_get_identity(const ehr_identity_key *key,
                                         uint8_t *out, size_t out_cap,
                                         size_t *out_len);

/* ehr_identity_key_new (import ske/sks as bytes, checked against y) and
 * ehr_identity_key_free are in the re-encryption section below. */

/* Optional blinded issuance (PROTOCOL.md section 5): the authority never
 * sees x_i * H1(id) in clear, so its answer may travel in the open. The
 * user creates an ehr_blinding for its identity and sends its
 * BLIND_REQUEST (with a proof that both halves use one blinding factor);
 * authority i answers with BLIND_PARTIAL from its key share after
 * authenticating the requester; the user checks and unblinds each answer
 * into an ordinary PARTIAL_KEY for ehr_identity_key_combine.
 * ehr_blinding is immutable after creation and thread-safe like
 * ehr_params. */
typedef struct ehr_blinding ehr_blinding;

/* Draws a blinding factor and builds the request.
 * Returns: EHR_OK; EHR_ERR_PARAM for an invalid id; EHR_ERR_RANDOM.
 * Out:     out: the new handle; free it with ehr_blinding_free.
 * In:      params: the PARAMS the keys are for; id: id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_blinding_new(ehr_blinding **out, const ehr_params *params,
                            const uint8_t *id, size_t id_len);

/* Returns: EHR_OK; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: BLIND_REQUEST, 200 + id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_blinding_get_request(const ehr_blinding *blinding,
                                    uint8_t *out, size_t out_cap,
                                    size_t *out_len);

/* Authority side: checks a BLIND_REQUEST and answers it with BLIND_PARTIAL
 * (x_i * B_e, x_i * B_s).
 * Returns: EHR_OK; a decoding status; EHR_ERR_PARAM if the request names
 *          another identity than `id` or another master key;
 *          EHR_ERR_VERIFY if its proof fails; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: 138 + id_len bytes.
 * In:      request: request_len bytes; id: the identity the requester was
 *          authenticated as (out of band), id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 7)
ehr_status ehr_key_share_answer_blind(const ehr_key_share *share,
                                      uint8_t *out, size_t out_cap,
                                      size_t *out_len, const uint8_t *request,
                                      size_t request_len, const uint8_t *id,
                                      size_t id_len);

/* User side: checks authority i's BLIND_PARTIAL against Y_i and unblinds
 * it.
 * Returns: EHR_OK; a decoding status; EHR_ERR_PARAM for another identity
 *          or master key; EHR_ERR_VERIFY naming the authority if the
 *          answer is wrong; EHR_ERR_BUFFER_TOO_SMALL.
 * Out:     out: PARTIAL_KEY, 138 + id_len bytes.
 * In:      answer: answer_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_blinding_unblind(const ehr_blinding *blinding, uint8_t *out,
                                size_t out_cap, size_t *out_len,
                                const uint8_t *answer, size_t answer_len);

/* Releases the handle (and its blinding factor). NULL is ignored. */
EHR_API void ehr_blinding_free(ehr_blinding *blinding);

/* --- Proxy re-encryption, envelopes and signatures ----------------------
 *
 * Green-Ateniese IBP1 (PROTOCOL.md section 6), threshold proxies (6.1), the
 * hybrid AES-256-GCM envelope for records of any size (section 7 and
 * docs/ENVELOPE.md), Cha-Cheon signatures on SIGNED envelopes (section 9)
 * and the data owner's check of access requests.
 *
 * Objects travel as their v1 wire encodings (section 10): CT1, CT2, REKEY,
 * SEALED1, SEALED2, SIGNED, and the provisional REKEY_SHARE (0x25) and
 * REENC_FRAGMENT (0x26) of docs/ENVELOPE.md section 6. Every decoder applies
 * the rules of section 11 and reports their statuses. Identities are 1..1024
 * bytes of UTF-8 (EHR_ERR_PARAM otherwise).
 *
 * Every cryptographic failure of a decryption or of opening an envelope (a
 * key of another identity, a wrong key, a tampered capsule, header field or
 * chunk) is EHR_ERR_DECRYPT, deliberately undistinguished (same status,
 * same message). A failed call returns no plaintext: in-memory calls leave
 * out untouched, file forms remove their output.
 *
 * "SEALED1 input" below means either a whole SEALED1 object or only its
 * header (ehr_envelope_header_length tells where the body starts). Calls
 * taking one mirror their input: a header gives a SEALED2 header, to be
 * followed by the unchanged body bytes (one stored body shared with every
 * delegatee, section 6.2); a whole object gives a whole SEALED2 object.
 *
 * Handles:
 *  - ehr_pre_context holds the master public key y, its fingerprint, the
 *    precomputed pairing lines of g2 and y and a cache of e(H1e(id), y) per
 *    recipient. Immutable except for the cache, which is internally locked.
 *  - ehr_identity_key holds one identity with its decryption key ske and/or
 *    signing key sks (secret; wiped by ehr_identity_key_free) and keeps its
 *    context alive, so a context may be freed before its keys. Keys are
 *    obtained from threshold extraction (section 5) and imported as bytes;
 *    the library derives no identity key from a master secret.
 *  - ehr_replay_guard remembers (signer, nonce) pairs of accepted SIGNED
 *    envelopes (section 9); internally locked.
 *  - ehr_access_policy is one record's policy (granted and revoked
 *    identities); internally locked.
 *
 * THREAD SAFETY: all four handle types may be shared between threads and
 * used concurrently (contexts and keys are immutable, the cache, guards and
 * policies take a lock). A handle must not be freed while another thread
 * uses it. The functions without handles are thread-safe. */

/* The largest record context (ctx) an envelope accepts. (SIGNED envelopes
 * carry the EHR_FINGERPRINT_BYTES fingerprint of y defined above.) */
#define EHR_RECORD_CONTEXT_MAX_BYTES 65536

/* Returns: EHR_RECORD_CONTEXT_MAX_BYTES, for bindings that cannot read
 * macros. Thread-safe; it leaves the last error message unchanged. */
EHR_API size_t ehr_record_context_max_bytes(void);

/* Purposes of a SIGNED envelope (section 9); the purpose byte is signed. */
#define EHR_PURPOSE_ACCESS_REQUEST 1
#define EHR_PURPOSE_LEDGER_TX 2
#define EHR_PURPOSE_REKEY_PUBLICATION 3

typedef struct ehr_pre_context ehr_pre_context;
/* ehr_identity_key is declared in the key section above: the handle that
 * ehr_identity_key_combine returns is the one these calls take. */
typedef struct ehr_replay_guard ehr_replay_guard;
typedef struct ehr_access_policy ehr_access_policy;

/* Creates a context for the deployment whose master public key is y.
 * Returns: EHR_OK; a decoding status for a bad point.
 * Out:     out: the new handle (set to NULL on failure); free it with
 *          ehr_pre_context_free.
 * In:      y: EHR_G2_BYTES bytes, compressed y = s*g2 (from PARAMS). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_pre_context_new(ehr_pre_context **out,
                               const uint8_t y[EHR_G2_BYTES]);

/* Releases a context (keys created from it keep their own reference).
 * In:      ctx: a handle, or NULL (then nothing happens). */
EHR_API void ehr_pre_context_free(ehr_pre_context *ctx);

/* Returns: EHR_OK.
 * Out:     out: fp = SHA-256("EHRSHARE-V1-MPK" || enc(y)). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_pre_context_fingerprint(const ehr_pre_context *ctx,
                                       uint8_t out[EHR_FINGERPRINT_BYTES]);

/* Imports the keys of one identity after checking each against y:
 * e(key, -g2) * e(H(id), y) = 1, with H = H1e for ske and H1s for sks.
 * Returns: EHR_OK; EHR_ERR_VERIFY if a key does not belong to id under
 *          this context (a swapped ske/sks too); EHR_ERR_PARAM for a bad id
 *          or if both keys are NULL; a decoding status for a bad point.
 * Out:     out: the new handle (NULL on failure); free it with
 *          ehr_identity_key_free.
 * In:      id: id_len bytes; ske: EHR_G1_BYTES bytes, or NULL for a key
 *          that only signs; sks: EHR_G1_BYTES bytes, or NULL for a key that
 *          only decrypts. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_identity_key_new(const ehr_pre_context *ctx,
                                ehr_identity_key **out, const uint8_t *id,
                                size_t id_len, const uint8_t *ske,
                                const uint8_t *sks);

/* Overwrites the secret keys held by the handle and releases it. Best
 * effort, as for every secret temporary in the library: copies made during
 * earlier calls cannot be reached.
 * In:      key: a handle, or NULL (then nothing happens). */
EHR_API void ehr_identity_key_free(ehr_identity_key *key);

/* Creates a replay guard: a SIGNED envelope is refused if its timestamp is
 * more than window_ms from the verifier's clock (EHR_ERR_STALE) or if its
 * (signer, nonce) was accepted within 2 * window_ms (EHR_ERR_REPLAY).
 * Returns: EHR_OK; EHR_ERR_PARAM if window_ms or capacity is 0.
 * Out:     out: the new handle (NULL on failure).
 * In:      window_ms: 300000 in PROTOCOL.md section 9; capacity: the most
 *          live entries kept; when full, new envelopes are refused with
 *          EHR_ERR_REPLAY (fail closed). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_replay_guard_new(ehr_replay_guard **out, uint64_t window_ms,
                                size_t capacity);

/* In:      guard: a handle, or NULL (then nothing happens). */
EHR_API void ehr_replay_guard_free(ehr_replay_guard *guard);

/* Creates the empty policy (nobody granted) of one record.
 * Returns: EHR_OK; EHR_ERR_PARAM for a bad owner id or a record id that is
 *          not 1..1024 bytes.
 * Out:     out: the new handle (NULL on failure).
 * In:      record_id: record_id_len bytes (e.g. the ledger record id);
 *          owner: owner_len bytes, the identity records are sealed to. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 4)
ehr_status ehr_access_policy_new(ehr_access_policy **out,
                                 const uint8_t *record_id,
                                 size_t record_id_len, const uint8_t *owner,
                                 size_t owner_len);

/* Grants id access until expiry_ms (Unix ms, exclusive; 0 = no expiry),
 * lifting a revocation; or revokes it (revocation wins over a grant).
 * Returns: EHR_OK; EHR_ERR_PARAM for a bad id. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_access_policy_grant(ehr_access_policy *policy,
                                   const uint8_t *id, size_t id_len,
                                   uint64_t expiry_ms);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_access_policy_revoke(ehr_access_policy *policy,
                                    const uint8_t *id, size_t id_len);

/* In:      policy: a handle, or NULL (then nothing happens). */
EHR_API void ehr_access_policy_free(ehr_access_policy *policy);

/* Enc1: encrypts a GT element to id (fresh randomness each call).
 * Returns: EHR_OK; EHR_ERR_PARAM for a bad id; a decoding status for m;
 *          EHR_ERR_RANDOM.
 * Out:     out: the CT1 object, 680 + id_len bytes (out, out_cap, out_len).
 * In:      m: EHR_GT_BYTES bytes; id: id_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 6)
ehr_status ehr_encrypt(const ehr_pre_context *ctx, uint8_t *out,
                       size_t out_cap, size_t *out_len,
                       const uint8_t m[EHR_GT_BYTES], const uint8_t *id,
                       size_t id_len);

/* Dec1 of a CT1 or Dec2 of a CT2 object (chosen by its type byte).
 * Returns: EHR_OK; EHR_ERR_DECRYPT if the key is not the recipient's (or
 *          has no ske); a decoding status for a malformed object.
 * Out:     out: the GT element m.
 * In:      ct: ct_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_decrypt(const ehr_identity_key *key,
                       uint8_t out[EHR_GT_BYTES], const uint8_t *ct,
                       size_t ct_len);

/* ReKeyGen: a re-encryption key from key's identity to delegatee.
 * Returns: EHR_OK; EHR_ERR_STATE if key has no ske; EHR_ERR_PARAM for a
 *          bad id or a key to oneself; EHR_ERR_RANDOM.
 * Out:     out: the REKEY object, 730 + both id lengths bytes.
 * In:      delegatee: delegatee_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_rekey(const ehr_identity_key *key, uint8_t *out,
                     size_t out_cap, size_t *out_len,
                     const uint8_t *delegatee, size_t delegatee_len);

/* ReEnc (the proxy): CT1 -> CT2, c2' = c2 * e(R3, c1).
 * Returns: EHR_OK; EHR_ERR_PARAM if the key's delegator is not the
 *          ciphertext's owner; a decoding status for a bad object (a CT2
 *          is EHR_ERR_TYPE: v1 is single-hop).
 * Out:     out: the CT2 object.
 * In:      rekey: REKEY object; ct: CT1 object. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6)
ehr_status ehr_reencrypt(uint8_t *out, size_t out_cap, size_t *out_len,
                         const uint8_t *rekey, size_t rekey_len,
                         const uint8_t *ct, size_t ct_len);

/* Splits a re-encryption key for `proxies` proxies, any `threshold` of
 * which convert (section 6.1). Give share k to proxy k only.
 * Returns: EHR_OK; EHR_ERR_PARAM unless 1 <= threshold <= proxies <= 1024;
 *          a decoding status for a bad REKEY; EHR_ERR_RANDOM.
 * Out:     out: `proxies` REKEY_SHARE objects of equal length, back to back,
 *          share k (1-based) at offset (k - 1) * (*out_len / proxies).
 * In:      rekey: REKEY object. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4)
ehr_status ehr_rekey_split(uint8_t *out, size_t out_cap, size_t *out_len,
                           const uint8_t *rekey, size_t rekey_len,
                           uint32_t threshold, uint32_t proxies);

/* Proxy k's fragment phi_k = e(F(k), c1) for a level-1 ciphertext.
 * Returns: EHR_OK; EHR_ERR_PARAM if the share's delegator is not the
 *          owner; a decoding status for a bad object.
 * Out:     out: the REENC_FRAGMENT object.
 * In:      share: REKEY_SHARE object; ct: a CT1 object or SEALED1 input. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6)
ehr_status ehr_reencrypt_fragment(uint8_t *out, size_t out_cap,
                                  size_t *out_len, const uint8_t *share,
                                  size_t share_len, const uint8_t *ct,
                                  size_t ct_len);

/* The delegatee: combines fragments of t' distinct proxies into the
 * level-2 object it can open (extra fragments are ignored).
 * Returns: EHR_OK; EHR_ERR_PARAM for fewer than t' fragments, duplicate
 *          indices, or fragments of another capsule or key; a decoding
 *          status for a bad object (the message names the fragment).
 * Out:     out: a CT2 object for a CT1; for SEALED1 input, the mirrored
 *          SEALED2 header or object.
 * In:      ct: a CT1 object or SEALED1 input; fragments: count pointers,
 *          fragment i being fragment_lens[i] bytes; count >= 1. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6, 7)
ehr_status ehr_fragments_combine(uint8_t *out, size_t out_cap,
                                 size_t *out_len, const uint8_t *ct,
                                 size_t ct_len,
                                 const uint8_t *const *fragments,
                                 const size_t *fragment_lens, size_t count);

/* Like ehr_fragments_combine for a stored record, but tolerant of faulty
 * proxies: a fragment cannot be checked alone, so given more than t'
 * fragments the delegatee tries t'-subsets (at most 256) until the record's
 * first body chunk authenticates under the result (the AEAD is the judge).
 * Returns: EHR_OK; EHR_ERR_DECRYPT if no subset opens the first chunk (or
 *          key is not the delegatee's); EHR_ERR_PARAM as for
 *          ehr_fragments_combine; EHR_ERR_LENGTH if first_chunk_len is not
 *          min(65552, body length); a decoding status.
 * Out:     out: the SEALED2 header that opens with key.
 * In:      header: a SEALED1 header alone; first_chunk: the first
 *          min(65552, body length) bytes of the stored body; fragments,
 *          fragment_lens, count: as for ehr_fragments_combine. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 7, 9, 10)
ehr_status ehr_fragments_combine_verified(const ehr_identity_key *key,
                                          uint8_t *out, size_t out_cap,
                                          size_t *out_len,
                                          const uint8_t *header,
                                          size_t header_len,
                                          const uint8_t *first_chunk,
                                          size_t first_chunk_len,
                                          const uint8_t *const *fragments,
                                          const size_t *fragment_lens,
                                          size_t count);

/* Seal(owner, record_ctx, plaintext): a SEALED1 object.
 * Returns: EHR_OK; EHR_ERR_PARAM for a bad id or a record context above
 *          EHR_RECORD_CONTEXT_MAX_BYTES; EHR_ERR_RANDOM.
 * Out:     out: 704 + owner_len + record_ctx_len + plaintext_len + 16 * n
 *          bytes, n = max(1, ceil(plaintext_len / 65536)) chunks.
 * In:      owner: owner_len bytes; record_ctx: record_ctx_len bytes
 *          (may be NULL if 0), bound into the AEAD; plaintext:
 *          plaintext_len bytes (may be NULL if 0). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_envelope_seal(const ehr_pre_context *ctx, uint8_t *out,
                             size_t out_cap, size_t *out_len,
                             const uint8_t *owner, size_t owner_len,
                             const uint8_t *record_ctx, size_t record_ctx_len,
                             const uint8_t *plaintext, size_t plaintext_len);

/* Opens a SEALED1 (owner's key) or SEALED2 (delegatee's key) object. The
 * size query (out NULL) only decodes the header.
 * Returns: EHR_OK; EHR_ERR_DECRYPT for every cryptographic failure;
 *          EHR_ERR_LENGTH for a truncated or overlong object; another
 *          decoding status for a malformed header.
 * Out:     out: the plaintext (nothing is written on failure).
 * In:      sealed: sealed_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_envelope_open(const ehr_identity_key *key, uint8_t *out,
                             size_t out_cap, size_t *out_len,
                             const uint8_t *sealed, size_t sealed_len);

/* The proxy on an envelope: rewrites the header for rekey's delegatee (one
 * pairing, whatever the record size); the body is not touched.
 * Returns: EHR_OK; EHR_ERR_PARAM if the key's delegator is not the owner;
 *          EHR_ERR_TYPE for a SEALED2 (single hop); a decoding status.
 * Out:     out: the mirrored SEALED2 header or object.
 * In:      rekey: REKEY object; sealed: SEALED1 input. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6)
ehr_status ehr_envelope_reencrypt(uint8_t *out, size_t out_cap,
                                  size_t *out_len, const uint8_t *rekey,
                                  size_t rekey_len, const uint8_t *sealed,
                                  size_t sealed_len);

/* Opens a record stored as one shared body and a header per reader (section
 * 6.2): the header of a SEALED1 or SEALED2 object and its body, passed
 * separately so the host need not concatenate them.
 * Returns: as ehr_envelope_open; EHR_ERR_LENGTH if header holds more than
 *          a header or body is not the length the header announces.
 * Out:     out: the plaintext (nothing is written on failure).
 * In:      header: header_len bytes; body: body_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 7)
ehr_status ehr_envelope_open_detached(const ehr_identity_key *key, uint8_t *out,
                                      size_t out_cap, size_t *out_len,
                                      const uint8_t *header, size_t header_len,
                                      const uint8_t *body, size_t body_len);

/* Decodes the header of a SEALED1 or SEALED2 object (or a header alone).
 * Returns: EHR_OK; a decoding status; EHR_ERR_LENGTH if bytes follow the
 *          header that are not exactly the body it announces.
 * Out:     out_len: the header's length (the body starts there).
 * In:      sealed: sealed_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_envelope_header_length(size_t *out_len, const uint8_t *sealed,
                                      size_t sealed_len);

/* File forms of seal, open and reencrypt for records of any size: memory
 * stays at a few 64 KiB buffers. out_path is created or truncated (mode
 * 0600); on failure it is removed, so a failed open leaves no plaintext.
 * in_path and out_path must differ.
 * Returns: as the in-memory calls; EHR_ERR_STORAGE for an I/O error (the
 *          message names the path and errno); EHR_ERR_PARAM if the paths
 *          are the same.
 * In:      out_path, in_path: NUL-terminated file names. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 4)
ehr_status ehr_envelope_seal_file(const ehr_pre_context *ctx,
                                  const char *out_path, const char *in_path,
                                  const uint8_t *owner, size_t owner_len,
                                  const uint8_t *record_ctx,
                                  size_t record_ctx_len);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_envelope_open_file(const ehr_identity_key *key,
                                  const char *out_path, const char *in_path);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 4)
ehr_status ehr_envelope_reencrypt_file(const char *out_path,
                                       const uint8_t *rekey, size_t rekey_len,
                                       const char *in_path);

/* The file form of ehr_envelope_open_detached: the body is streamed from
 * body_path, the plaintext written to out_path (removed on failure).
 * Returns: as ehr_envelope_open_detached; EHR_ERR_STORAGE for I/O errors.
 * In:      header: header_len bytes; out_path, body_path: NUL-terminated. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 5)
ehr_status ehr_envelope_open_detached_file(const ehr_identity_key *key,
                                           const char *out_path,
                                           const uint8_t *header,
                                           size_t header_len,
                                           const char *body_path);

/* Signs payload in a SIGNED envelope (section 9) as key's identity, with
 * the context's fingerprint, timestamp_ms and a fresh random nonce.
 * Returns: EHR_OK; EHR_ERR_STATE if key has no sks; EHR_ERR_PARAM for an
 *          unknown purpose or a payload above 16 MiB; EHR_ERR_RANDOM.
 * Out:     out: the SIGNED object, 165 + id and payload lengths bytes.
 * In:      purpose: an EHR_PURPOSE_* value; timestamp_ms: Unix ms of the
 *          signer's clock; payload: payload_len bytes (NULL if 0). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4)
ehr_status ehr_sign(const ehr_identity_key *key, uint8_t *out, size_t out_cap,
                    size_t *out_len, uint8_t purpose, uint64_t timestamp_ms,
                    const uint8_t *payload, size_t payload_len);

/* Verifies a SIGNED envelope from `signer` for `purpose` and returns its
 * payload. With a guard, the envelope must also be fresh at now_ms and
 * its nonce unseen; the nonce is recorded only when the call succeeds (a
 * size query or a forgery records nothing).
 * Returns: EHR_OK; EHR_ERR_VERIFY if the signature does not verify or the
 *          envelope is signed by another identity; EHR_ERR_PARAM for
 *          another purpose or deployment; EHR_ERR_STALE, EHR_ERR_REPLAY
 *          (with a guard); a decoding status for a malformed envelope.
 * Out:     out: the payload.
 * In/Out:  guard: a replay guard, or NULL to check the signature only.
 * In:      signer: signer_len bytes; signed_msg: signed_len bytes;
 *          now_ms: the verifier's clock, Unix ms (ignored without guard). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 6, 9)
ehr_status ehr_verify(const ehr_pre_context *ctx, uint8_t *out,
                      size_t out_cap, size_t *out_len,
                      ehr_replay_guard *guard, const uint8_t *signer,
                      size_t signer_len, uint8_t purpose,
                      const uint8_t *signed_msg, size_t signed_len,
                      uint64_t now_ms);

/* A data user's access request for a record: a SIGNED envelope (purpose
 * EHR_PURPOSE_ACCESS_REQUEST) whose payload names the record and key's
 * identity as requester.
 * Returns: EHR_OK; EHR_ERR_STATE if key has no sks; EHR_ERR_PARAM for a
 *          record id that is not 1..1024 bytes; EHR_ERR_RANDOM.
 * Out:     out: the SIGNED object.
 * In:      record_id: record_id_len bytes; timestamp_ms: Unix ms. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_request_create(const ehr_identity_key *key, uint8_t *out,
                              size_t out_cap, size_t *out_len,
                              const uint8_t *record_id, size_t record_id_len,
                              uint64_t timestamp_ms);

/* The data owner's gate: verifies an access request (signature, purpose,
 * requester = signer, record and owner of the policy, freshness and nonce,
 * the policy's grant at now_ms) and only then issues a re-encryption key
 * owner -> requester. The size query (out NULL or short) checks the
 * signature but records no nonce and issues no key.
 * Returns: EHR_OK; EHR_ERR_VERIFY (bad signature, requester other than the
 *          signer); EHR_ERR_STALE; EHR_ERR_REPLAY; EHR_ERR_POLICY (no
 *          entry, revoked, expired, another record); EHR_ERR_PARAM (policy
 *          of another owner, wrong purpose); EHR_ERR_STATE if owner_key
 *          has no ske; a decoding status.
 * Out:     out: the REKEY object for the requester.
 * In/Out:  guard: the owner's replay guard.
 * In:      policy: the record's policy; request: request_len bytes;
 *          now_ms: the owner's clock, Unix ms. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5, 6, 7)
ehr_status ehr_request_verify(const ehr_identity_key *owner_key, uint8_t *out,
                              size_t out_cap, size_t *out_len,
                              ehr_replay_guard *guard,
                              const ehr_access_policy *policy,
                              const uint8_t *request, size_t request_len,
                              uint64_t now_ms);

#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_H */
