// SPDX-License-Identifier: Apache-2.0
// Run-time kernel choice: CPUID leaf 7 (EBX bit 8 = BMI2 for MULX, bit 19 = ADX for ADCX/ADOX),
// overridable with EHRSHARE_FIELD_KERNEL=portable for A/B runs of one binary.
#include "CEhrFieldAsm.h"
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

int ehrfk_kernel_adx = 0;

int ehrfk_cpu_has_adx(void) {
#if defined(__x86_64__) && defined(__ELF__)
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return ((b >> 8) & 1) && ((b >> 19) & 1);
#else
    return 0;
#endif
}

int ehrfk_select_kernel(int adx) {
    int v = (adx && ehrfk_cpu_has_adx()) ? 1 : 0;
    __atomic_store_n(&ehrfk_kernel_adx, v, __ATOMIC_RELAXED);
    return v;
}

__attribute__((constructor)) static void ehrfk_init(void) {
    const char *k = getenv("EHRSHARE_FIELD_KERNEL");
    int want = !(k != NULL && strcmp(k, "portable") == 0);
    (void)ehrfk_select_kernel(want);
}
