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

#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_H */
