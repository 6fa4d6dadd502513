// SPDX-License-Identifier: Apache-2.0

import EhrWire

// MARK: - expand_message_xmd (RFC 9380 §5.3.1)

/// `expand_message_xmd` with SHA-256 (RFC 9380 §5.3.1): stretches `msg` into `length`
/// pseudo-random bytes bound to the domain separation tag `dst`.
///
/// SHA-256 has b_in_bytes = 32 and s_in_bytes = 64, so ell = ceil(length / 32) blocks are
/// chained as b_i = H(strxor(b_0, b_(i−1)) ‖ I2OSP(i, 1) ‖ DST_prime).
///
/// - Parameters:
///   - msg: the message, any length.
///   - dst: the domain separation tag, 1–255 bytes (RFC 9380 §3.1 requires a non-empty tag;
///     §5.3.3's hashing of oversize tags is deliberately not offered).
///   - length: the number of output bytes, 1–8160 (ell ≤ 255).
/// - Returns: `length` uniform bytes.
/// - Throws: ``CurveError/invalidHashParameters`` for an empty or oversize `dst` or a
///   `length` outside 1…8160.
public func expandMessageXMD(msg: [UInt8], dst: [UInt8], length: Int) throws(CurveError) -> [UInt8] {
    let bInBytes = 32
    let ell = (length + bInBytes - 1) / bInBytes
    guard !dst.isEmpty, dst.count <= 255, length > 0, ell <= 255 else {
        throw .invalidHashParameters
    }
    // DST_prime = DST ‖ I2OSP(len(DST), 1)
    var dstPrime = dst
    dstPrime.append(UInt8(dst.count))

    // msg_prime = Z_pad ‖ msg ‖ I2OSP(len_in_bytes, 2) ‖ I2OSP(0, 1) ‖ DST_prime, Z_pad = 64 zero bytes
    var msgPrime = [UInt8](repeating: 0, count: 64)
    msgPrime.reserveCapacity(64 + msg.count + 3 + dstPrime.count)
    msgPrime.append(contentsOf: msg)
    msgPrime.append(UInt8(truncatingIfNeeded: length >> 8))
    msgPrime.append(UInt8(truncatingIfNeeded: length))
    msgPrime.append(0)
    msgPrime.append(contentsOf: dstPrime)
    let b0 = SHA256.hash(msgPrime)

    var output = [UInt8]()
    output.reserveCapacity(ell * bInBytes)
    // b_1 = H(b_0 ‖ I2OSP(1, 1) ‖ DST_prime)
    var block = b0
    block.append(1)
    block.append(contentsOf: dstPrime)
    var previous = SHA256.hash(block)
    output.append(contentsOf: previous)
    if ell >= 2 {
        for i in 2...ell {
            // b_i = H(strxor(b_0, b_(i−1)) ‖ I2OSP(i, 1) ‖ DST_prime)
            block.removeAll(keepingCapacity: true)
            for j in 0..<bInBytes {
                block.append(b0[j] ^ previous[j])
            }
            block.append(UInt8(i))
            block.append(contentsOf: dstPrime)
            previous = SHA256.hash(block)
            output.append(contentsOf: previous)
        }
    }
    output.removeLast(output.count - length)
    return output
}
