// SPDX-License-Identifier: Apache-2.0
// MULX/ADCX/ADOX Montgomery kernels for BLS12-381 Fp (six 64-bit limbs, little-endian, Montgomery
// form, fully reduced) and the run-time choice between them and the portable Swift code.
// Symbols are hidden (ehrfk_ prefix, not ehr_): libehrshare.so keeps exporting only its C ABI.
#ifndef CEHRFIELDASM_H
#define CEHRFIELDASM_H
#include <stdint.h>

/// 1 when the MULX/ADX kernels are in use, 0 for the portable Swift path. Set once at load time
/// (CPUID BMI2 + ADX, unless EHRSHARE_FIELD_KERNEL=portable) and by ehrfk_select_kernel.
extern int ehrfk_kernel_adx __attribute__((visibility("hidden")));

/// 1 when this CPU has BMI2 and ADX (the kernels may be called), else 0.
int ehrfk_cpu_has_adx(void) __attribute__((visibility("hidden")));

/// Chooses the kernels: adx = 1 asks for MULX/ADX (refused, returning 0, without CPU support),
/// adx = 0 the portable path. Returns the kernel now in use. Call before concurrent field use.
int ehrfk_select_kernel(int adx) __attribute__((visibility("hidden")));

static inline int ehrfk_use_adx(void) { return __atomic_load_n(&ehrfk_kernel_adx, __ATOMIC_RELAXED); }

/// r = a·b·R⁻¹ mod p. Requires ehrfk_cpu_has_adx(). r may alias a or b.
void ehrfk_fp_mul_mulx(uint64_t r[6], const uint64_t a[6], const uint64_t b[6])
    __attribute__((visibility("hidden")));
/// r = a·a·R⁻¹ mod p. Requires ehrfk_cpu_has_adx(). r may alias a.
void ehrfk_fp_sqr_mulx(uint64_t r[6], const uint64_t a[6]) __attribute__((visibility("hidden")));

#endif
