// SPDX-License-Identifier: Apache-2.0
// Constant-time check of the MULX/ADX Fp kernels under valgrind memcheck: the operands are marked
// undefined (secret), so any branch or memory index that depends on them is reported as
// "Conditional jump or move depends on uninitialised value(s)" / "Use of uninitialised value".
// The outputs are marked defined again before they are printed, so only the kernels are judged.
#include "CEhrFieldAsm.h"
#include <stdio.h>
#include <valgrind/memcheck.h>

int main(void) {
    // Valgrind hides ADX from the guest CPUID even where it decodes ADCX/ADOX, so the host CPU is
    // checked by the script (outside valgrind) and not here.
    uint64_t a[6] = {0x0123456789abcdefu, 1, 2, 3, 4, 0x0a0111ea397fe69au};
    uint64_t b[6] = {0xfedcba9876543210u, ~0ull, 0, ~0ull, 5, 0x1a0111ea397fe699u};
    uint64_t r[6];
    uint64_t acc = 0;
    for (int i = 0; i < 64; i++) {
        VALGRIND_MAKE_MEM_UNDEFINED(a, sizeof a);
        VALGRIND_MAKE_MEM_UNDEFINED(b, sizeof b);
        ehrfk_fp_mul_mulx(r, a, b);
        ehrfk_fp_sqr_mulx(a, r);
        ehrfk_fp_mul_mulx(b, a, r);
#ifdef CT_NEGATIVE_CONTROL
        if (r[2] & 1) acc++;  // a deliberate secret-dependent branch: memcheck must report it
#endif
        VALGRIND_MAKE_MEM_DEFINED(a, sizeof a);
        VALGRIND_MAKE_MEM_DEFINED(b, sizeof b);
        VALGRIND_MAKE_MEM_DEFINED(r, sizeof r);
        acc ^= r[0] ^ a[5] ^ b[3];
    }
    printf("ok %016llx\n", (unsigned long long)acc);
    return 0;
}
