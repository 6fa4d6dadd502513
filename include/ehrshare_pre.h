/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ehrshare_pre.h - proxy re-encryption, envelopes, signatures, policies.
 *
 * Part of the C ABI of libehrshare; the conventions, ownership and
 * thread-safety rules, status codes and sizes are those of ehrshare.h,
 * which this header includes.
 */
#ifndef EHRSHARE_PRE_H
#define EHRSHARE_PRE_H

#include "ehrshare.h"
#include "ehrshare_keys.h" /* ehr_identity_key, EHR_FINGERPRINT_BYTES */

#ifdef __cplusplus
extern "C" {
#endif

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
 * no plaintext in out (ehr_envelope_open and ehr_envelope_open_detached
 * decrypt chunk by chunk straight into out and zero what they wrote when a
 * later chunk fails), file forms remove their output.
 *
 * "SEALED1 input" below means either a whole SEALED1 object or only its
 * header (ehr_envelope_get_header_length tells where the body starts). Calls
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
ehr_status ehr_pre_context_get_fingerprint(const ehr_pre_context *ctx,
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
ehr_status ehr_identity_key_new(ehr_identity_key **out,
                                const ehr_pre_context *ctx, const uint8_t *id,
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
 *          live entries kept PER SIGNER; when one signer's window is full,
 *          that signer's new envelopes are refused with EHR_ERR_REPLAY (fail
 *          closed) while other signers are unaffected. At most 65536 signers
 *          are tracked; beyond that the least recently used signer's window
 *          is dropped whole. */
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
ehr_status ehr_ibp1_encrypt(const ehr_pre_context *ctx, uint8_t *out,
                       size_t out_cap, size_t *out_len,
                       const uint8_t m[EHR_GT_BYTES], const uint8_t *id,
                       size_t id_len);

/* Dec1 of a CT1 or Dec2 of a CT2 object (chosen by its type byte).
 * Returns: EHR_OK; EHR_ERR_DECRYPT if the key is not the recipient's (or
 *          has no ske); a decoding status for a malformed object.
 * Out:     out: the GT element m.
 * In:      ct: ct_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 2, 3)
ehr_status ehr_ibp1_decrypt(const ehr_identity_key *key,
                       uint8_t out[EHR_GT_BYTES], const uint8_t *ct,
                       size_t ct_len);

/* ReKeyGen: a re-encryption key from key's identity to delegatee.
 * Returns: EHR_OK; EHR_ERR_STATE if key has no ske; EHR_ERR_PARAM for a
 *          bad id or a key to oneself; EHR_ERR_RANDOM.
 * Out:     out: the REKEY object, 730 + both id lengths bytes.
 * In:      delegatee: delegatee_len bytes. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(1, 4, 5)
ehr_status ehr_rekey_create(const ehr_identity_key *key, uint8_t *out,
                     size_t out_cap, size_t *out_len,
                     const uint8_t *delegatee, size_t delegatee_len);

/* ReEnc (the proxy): CT1 -> CT2, c2' = c2 * e(R3, c1).
 * Returns: EHR_OK; EHR_ERR_PARAM if the key's delegator is not the
 *          ciphertext's owner; a decoding status for a bad object (a CT2
 *          is EHR_ERR_TYPE: v1 is single-hop).
 * Out:     out: the CT2 object.
 * In:      rekey: REKEY object; ct: CT1 object. */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6)
ehr_status ehr_ibp1_reencrypt(uint8_t *out, size_t out_cap, size_t *out_len,
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
ehr_status ehr_fragment_create(uint8_t *out, size_t out_cap,
                                  size_t *out_len, const uint8_t *share,
                                  size_t share_len, const uint8_t *ct,
                                  size_t ct_len);

/* The delegatee: combines fragments of t' distinct proxies into the
 * level-2 object it can open (extra fragments are ignored).
 * Returns: EHR_OK; EHR_ERR_PARAM for fewer than t' fragments, duplicate
 *          indices, an index outside 1..proxies, t' > proxies, proxies
 *          outside 1..1024, or fragments of another capsule or key; a
 *          decoding status for a bad object (the message names the
 *          fragment).
 * Out:     out: a CT2 object for a CT1; for SEALED1 input, the mirrored
 *          SEALED2 header or object.
 * In:      ct: a CT1 object or SEALED1 input; fragments: count pointers,
 *          fragment i being fragment_lens[i] bytes; count >= 1; proxies:
 *          n', the number of shares the rekey was split into (a FRAGMENT
 *          does not carry it, so only the caller can bound the indices). */
EHR_API EHR_WARN_UNUSED_RESULT EHR_NONNULL(3, 4, 6, 7)
ehr_status ehr_fragments_combine(uint8_t *out, size_t out_cap,
                                 size_t *out_len, const uint8_t *ct,
                                 size_t ct_len,
                                 const uint8_t *const *fragments,
                                 const size_t *fragment_lens, size_t count,
                                 uint32_t proxies);

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
 *          fragment_lens, count, proxies: as for ehr_fragments_combine. */
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
                                          size_t count, uint32_t proxies);

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
ehr_status ehr_envelope_get_header_length(size_t *out_len, const uint8_t *sealed,
                                      size_t sealed_len);

/* File forms of seal, open and reencrypt for records of any size: memory
 * stays at a few 64 KiB buffers. The output is written to a new file in
 * out_path's directory (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600), fsynced
 * and renamed over out_path: the result is always a new file of mode 0600,
 * an existing out_path (whatever its mode) is replaced, and a symlink at
 * out_path is replaced, never followed. On failure the temporary file and
 * out_path are removed, so a failed open leaves no plaintext. in_path and out_path must differ.
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
ehr_status ehr_signature_sign(const ehr_identity_key *key, uint8_t *out, size_t out_cap,
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
ehr_status ehr_signature_verify(const ehr_pre_context *ctx, uint8_t *out,
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

#endif /* EHRSHARE_PRE_H */
