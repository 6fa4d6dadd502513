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

/* --- Distributed key generation and threshold keys ---------------------
 *
 * The consortium authorities replace a key authority by a GJKR distributed
 * key generation (PROTOCOL.md section 4) and then issue threshold identity
 * keys (section 5): authority i answers a request for an identity with a
 * PARTIAL_KEY; any t verified partial keys combine into the identity's
 * decryption key ske and signing key sks.
 *
 * Objects:
 *  - ehr_node_key: an authority's long-term node keys for the DKG channel
 *    (Ed25519 signs every DKG message, X25519 receives sealed shares). Its
 *    public part (EHR_NODE_PUBLIC_KEY_BYTES: Ed25519 key || X25519 key) goes
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
 * its getters too. ehr_node_key, ehr_params, ehr_key_share and
 * ehr_identity_key never change after creation and may be used from
 * several threads at once (but not freed while in use). */

typedef struct ehr_node_key ehr_node_key;
typedef struct ehr_dkg ehr_dkg;
typedef struct ehr_params ehr_params;
typedef struct ehr_key_share ehr_key_share;
typedef struct ehr_identity_key ehr_identity_key;

#define EHR_NODE_PUBLIC_KEY_BYTES 64  /* Ed25519 public || X25519 public */
#define EHR_NODE_SECRET_KEY_BYTES 64  /* Ed25519 seed || X25519 private */
#define EHR_FINGERPRINT_BYTES 32      /* SHA-256("EHRSHARE-V1-MPK" || y) */
#define EHR_SESSION_ID_BYTES 32       /* DKG sid */
/* The largest message ehr_dkg_next_message returns (a signed commitment
 * with t = 256); a buffer this large is never too small. */
#define EHR_DKG_MESSAGE_MAX_BYTES 24726

/* Returns: the sizes above, for bindings that cannot read macros.
 * Thread-safe; they leave the last error message unchanged. */
EHR_API size_t ehr_node_public_key_bytes(void);
EHR_API size_t ehr_node_secret_key_bytes(void);
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
 * Out:     out: the new handle; free it with ehr_node_key_free. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_node_key_generate(ehr_node_key **out);

/* Re-creates node keys from their secret bytes (kept by the host, e.g.
 * drawn with its own generator and stored encrypted).
 * Returns: EHR_OK; EHR_ERR_PARAM if OpenSSL refuses a half.
 * Out:     out: the new handle; free it with ehr_node_key_free.
 * In:      secret: Ed25519 seed (32) || X25519 private key (32). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_node_key_from_secret(
    ehr_node_key **out, const uint8_t secret[EHR_NODE_SECRET_KEY_BYTES]);

/* Writes the public part, the authority's roster key.
 * Returns: EHR_OK.
 * Out:     out: Ed25519 public key (32) || X25519 public key (32). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2)
ehr_status ehr_node_key_get_public(const ehr_node_key *key,
                                   uint8_t out[EHR_NODE_PUBLIC_KEY_BYTES]);

/* Wipes the secrets and releases the handle. NULL is ignored. A DKG
 * created with the key keeps its own reference, so this may come first. */
EHR_API void ehr_node_key_free(ehr_node_key *key);

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
                       uint16_t index, const ehr_node_key *key);

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

/* Re-creates identity keys from their bytes, checking both against y.
 * Returns: EHR_OK; EHR_ERR_PARAM for an invalid id; a decoding status
 *          for a bad point; EHR_ERR_VERIFY if a key is not s * H1(id).
 * Out:     out: the new handle; free it with ehr_identity_key_free.
 * In:      id: id_len bytes; decryption_key: ske; signing_key: sks. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3, 5, 6)
ehr_status ehr_identity_key_new(ehr_identity_key **out,
                                const ehr_params *params, const uint8_t *id,
                                size_t id_len,
                                const uint8_t decryption_key[EHR_G1_BYTES],
                                const uint8_t signing_key[EHR_G1_BYTES]);

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

/* Wipes the keys and releases the handle. NULL is ignored. */
EHR_API void ehr_identity_key_free(ehr_identity_key *key);

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

#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_H */
