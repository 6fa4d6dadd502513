/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ehrshare.h - the base header of libehrshare's C ABI.
 *
 * libehrshare shares encrypted electronic health records between the members
 * of a consortium: a threshold distributed key generation replaces the key
 * authority, identity-based proxy re-encryption (Green-Ateniese IBP1 on
 * BLS12-381) lets a proxy convert a record for an authorised reader without
 * seeing it, and a thin ledger records hashes, policies and receipts.
 * The cryptography and wire formats are fixed by PROTOCOL.md (v1).
 *
 * HEADERS (split by layer, as libsecp256k1 splits its modules; each
 * includes this one, include only the ones you use):
 *   ehrshare.h         conventions, status codes, sizes, library and
 *                      version, BLS12-381 primitives
 *   ehrshare_keys.h    DKG, key shares, params, identity keys, blinded
 *                      issuance, node keys
 *   ehrshare_pre.h     PRE context, IBP1, envelopes, signatures, access
 *                      policy, replay guard, threshold proxies
 *   ehrshare_ledger.h  ledger, blocks, transactions, record store, genesis
 *
 * NAMING: ehr_<noun>_<verb>; getters ehr_<noun>_get_<field>; every size
 * both as an EHR_*_BYTES macro and an ehr_*_bytes() function.
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
 *  - A zero-length variable-size result needs no buffer: the call succeeds
 *    with out_len = 0 even when out is NULL.
 *  - Opaque handles are created through an out-parameter and released with
 *    their ehr_*_free function, which accepts NULL and ignores a live
 *    handle of another kind (other calls report one as EHR_ERR_PARAM).
 *    Memory the library allocates is released only by ehr_*_free, never
 *    by free().
 *  - Identities (1..1024 bytes of UTF-8) are checked alike in every
 *    header: NULL is EHR_ERR_NULL_POINTER, a bad length or invalid UTF-8
 *    is EHR_ERR_PARAM.
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
#define EHR_VERSION_MINOR 2
#define EHR_VERSION_PATCH 0
#define EHR_VERSION_STRING "0.2.0"

/* Bumped whenever a shipped declaration in this header changes meaning.
 * Pass it to ehr_init() so a library built for another header refuses. */
#define EHR_ABI_VERSION 2

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
ehr_status ehr_scalar_generate(uint8_t out[EHR_SCALAR_BYTES]);

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
ehr_status ehr_g1_get_generator(uint8_t out[EHR_G1_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_g2_get_generator(uint8_t out[EHR_G2_BYTES]);
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1)
ehr_status ehr_gt_get_generator(uint8_t out[EHR_GT_BYTES]);

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
ehr_status ehr_g1_hash(uint8_t out[EHR_G1_BYTES], const uint8_t *msg, size_t msg_len,
                          const uint8_t *dst, size_t dst_len);
EHR_API EHR_WARN_UNUSED_RESULT
ehr_status ehr_g2_hash(uint8_t out[EHR_G2_BYTES], const uint8_t *msg, size_t msg_len,
                          const uint8_t *dst, size_t dst_len);
EHR_API EHR_WARN_UNUSED_RESULT
ehr_status ehr_scalar_hash(uint8_t out[EHR_SCALAR_BYTES], const uint8_t *msg,
                              size_t msg_len, const uint8_t *dst, size_t dst_len);

/* out = e(p, q), the optimal ate pairing with blst's normalisation.
 * Returns: EHR_OK, or a decoding status for a bad input. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_pairing_compute(uint8_t out[EHR_GT_BYTES], const uint8_t p[EHR_G1_BYTES],
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

#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_H */
