/* SPDX-License-Identifier: Apache-2.0 */
/* GMP for Swift: gmp.h declares most calls as macros over __gmpz_* names;
 * Swift imports only the __gmpz_* functions, so Swift code calls those. */
#ifndef EHRSHARE_CGMP_SHIM_H
#define EHRSHARE_CGMP_SHIM_H
#include <gmp.h>
#endif
