/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ehrshare_keys.h - distributed key generation, threshold and identity keys, node keys.
 *
 * Part of the C ABI of libehrshare; the conventions, ownership and
 * thread-safety rules, status codes and sizes are those of ehrshare.h,
 * which this header includes.
 */
#ifndef EHRSHARE_KEYS_H
#define EHRSHARE_KEYS_H

#include "ehrshare.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/* --- Ledger node keys (Ed25519) -------------------------------------------
 *
 * The signing keys of consortium nodes (docs/LEDGER.md): blocks, votes,
 * registrations, receipts and DKG broadcasts on the ledger are signed with
 * them. An ehr_node_key is immutable: its const calls may run on any thread. */

typedef struct ehr_node_key ehr_node_key;

#define EHR_NODE_SEED_BYTES 32       /* Ed25519 seed (RFC 8032 secret) */
#define EHR_NODE_PUBLIC_KEY_BYTES 32 /* Ed25519 public key */
#define EHR_NODE_SIGNATURE_BYTES 64  /* Ed25519 signature */

/* Returns: the sizes above, for bindings that cannot read macros. */
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
ehr_status ehr_node_key_get_public(const ehr_node_key *key,
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


#ifdef __cplusplus
}
#endif

#endif /* EHRSHARE_KEYS_H */
