/* SPDX-License-Identifier: Apache-2.0 */
/* The system's SQLite (libsqlite3) for the ledger's block store and the record store.
 * SQLITE_TRANSIENT is a macro over a cast function pointer that Swift cannot import,
 * so the shim exposes it as a function. */
#ifndef EHRSHARE_CSQLITE_SHIM_H
#define EHRSHARE_CSQLITE_SHIM_H
#include <sqlite3.h>

static inline sqlite3_destructor_type ehr_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
