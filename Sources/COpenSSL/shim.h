/* SPDX-License-Identifier: Apache-2.0 */
/* The parts of OpenSSL's libcrypto that libehrshare uses: SHA-256, HKDF,
 * AES-256-GCM, Ed25519/X25519 and the CSPRNG. */
#ifndef EHRSHARE_COPENSSL_SHIM_H
#define EHRSHARE_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif
