// SPDX-License-Identifier: Apache-2.0

// Number formatting and maths without Foundation.

/// Fixed-point formatting without Foundation.
func fmt(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "nan" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = x < 0
    let v = (abs(x) * scale).rounded()
    let whole = UInt64(v / scale)
    var frac = String(UInt64(v - Double(whole) * scale))
    while frac.count < digits { frac = "0" + frac }
    return (negative && v > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + frac : "")
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
}

/// log2 without Foundation (difficulty bits for the CSV).
func log2Approx(_ x: Double) -> Double {
    guard x > 0 else { return 0 }
    var v = x
    var e = 0.0
    while v >= 2 { v /= 2; e += 1 }
    while v < 1 { v *= 2; e -= 1 }
    // log2(v) for v in [1, 2) by repeated squaring.
    var frac = 0.0
    var bit = 0.5
    for _ in 0..<30 {
        v *= v
        if v >= 2 { v /= 2; frac += bit }
        bit /= 2
    }
    return e + frac
}
