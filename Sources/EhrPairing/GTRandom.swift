// SPDX-License-Identifier: Apache-2.0
import EhrField

extension GT {
    /// A uniformly random element of GT: the generator raised to a uniform secret exponent
    /// (constant-time exponentiation, since the result may be used as a secret message key).
    ///
    /// - Throws: ``FieldError/randomFailure`` if the system random generator fails.
    public static func random() throws(FieldError) -> GT {
        generator.pow(try Fr.random())
    }
}
