// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrField
import EhrPairing

// MARK: - Decoding with the rules of PROTOCOL.md §11 (identity rejected everywhere)

/// Byte-level decoders and encoders used by the primitive calls. Each input
/// is copied out of caller memory first, so outputs may alias inputs.
enum Wire {
    static func scalar(_ p: UnsafePointer<UInt8>?, _ name: String) throws -> Fr {
        let k = try Fr(bigEndianBytes: Buffers.read(p, Int(EHR_SCALAR_BYTES), name))
        guard !k.isZero else { throw CABIFailure(EHR_ERR_SCALAR, "\(name) is zero") }
        return k
    }

    static func g1(_ p: UnsafePointer<UInt8>?, _ name: String) throws -> G1Affine {
        try G1Affine(compressed: Buffers.read(p, Int(EHR_G1_BYTES), name))
    }

    static func g2(_ p: UnsafePointer<UInt8>?, _ name: String) throws -> G2Affine {
        try G2Affine(compressed: Buffers.read(p, Int(EHR_G2_BYTES), name))
    }

    static func gt(_ p: UnsafePointer<UInt8>?, _ name: String) throws -> GT {
        try GT(bytes: Buffers.read(p, Int(EHR_GT_BYTES), name))
    }

    /// Encodes a result, refusing the identity (it could not be decoded back).
    static func put(_ point: G1Projective, _ out: UnsafeMutablePointer<UInt8>) throws {
        let a = point.toAffine()
        guard !a.isInfinity else { throw CABIFailure(EHR_ERR_IDENTITY, "the result is the identity point") }
        Buffers.write(a.compressed, to: out)
    }

    static func put(_ point: G2Projective, _ out: UnsafeMutablePointer<UInt8>) throws {
        let a = point.toAffine()
        guard !a.isInfinity else { throw CABIFailure(EHR_ERR_IDENTITY, "the result is the identity point") }
        Buffers.write(a.compressed, to: out)
    }

    static func put(_ element: GT, _ out: UnsafeMutablePointer<UInt8>) throws {
        guard !element.isOne else { throw CABIFailure(EHR_ERR_IDENTITY, "the result is the GT identity") }
        Buffers.write(element.bytes, to: out)
    }

    /// Decodes `count` points packed back to back, naming the bad index.
    static func pairs(_ ps: UnsafePointer<UInt8>?, _ qs: UnsafePointer<UInt8>?, _ count: Int) throws
        -> [(G1Affine, G2Affine)]
    {
        guard count > 0 else { throw CABIFailure(EHR_ERR_PARAM, "count must be at least 1") }
        guard count <= 1 << 20 else { throw CABIFailure(EHR_ERR_PARAM, "count \(count) is too large") }
        guard let ps else { throw CABIFailure(EHR_ERR_NULL_POINTER, "ps is NULL") }
        guard let qs else { throw CABIFailure(EHR_ERR_NULL_POINTER, "qs is NULL") }
        var result: [(G1Affine, G2Affine)] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            do {
                let p = try g1(ps + i * Int(EHR_G1_BYTES), "ps[\(i)]")
                let q = try g2(qs + i * Int(EHR_G2_BYTES), "qs[\(i)]")
                result.append((p, q))
            } catch {
                let f = cabiFailure(for: error)
                throw CABIFailure(f.status, "pair \(i): \(f.message)")
            }
        }
        return result
    }
}

// MARK: - Sizes

@_cdecl("ehr_scalar_bytes") public func ehr_scalar_bytes() -> Int { Int(EHR_SCALAR_BYTES) }
@_cdecl("ehr_g1_bytes") public func ehr_g1_bytes() -> Int { Int(EHR_G1_BYTES) }
@_cdecl("ehr_g2_bytes") public func ehr_g2_bytes() -> Int { Int(EHR_G2_BYTES) }
@_cdecl("ehr_gt_bytes") public func ehr_gt_bytes() -> Int { Int(EHR_GT_BYTES) }

// MARK: - Scalars and checks

@_cdecl("ehr_scalar_generate")
public func ehr_scalar_generate(_ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let k: Fr
        do {
            k = try Fr.randomNonZero()
        } catch {
            throw CABIFailure(EHR_ERR_RANDOM, "the system random generator failed")
        }
        Buffers.write(k.bigEndianBytes, to: out)
    }
}

@_cdecl("ehr_scalar_check")
public func ehr_scalar_check(_ scalar: UnsafePointer<UInt8>?) -> ehr_status {
    cabiCall { _ = try Wire.scalar(scalar, "scalar") }
}

@_cdecl("ehr_g1_check")
public func ehr_g1_check(_ point: UnsafePointer<UInt8>?) -> ehr_status {
    cabiCall { _ = try Wire.g1(point, "point") }
}

@_cdecl("ehr_g2_check")
public func ehr_g2_check(_ point: UnsafePointer<UInt8>?) -> ehr_status {
    cabiCall { _ = try Wire.g2(point, "point") }
}

@_cdecl("ehr_gt_check")
public func ehr_gt_check(_ element: UnsafePointer<UInt8>?) -> ehr_status {
    cabiCall { _ = try Wire.gt(element, "element") }
}

// MARK: - Generators

@_cdecl("ehr_g1_get_generator")
public func ehr_g1_get_generator(_ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall { Buffers.write(G1Affine.generator.compressed, to: try Buffers.requireOutput(out, "out")) }
}

@_cdecl("ehr_g2_get_generator")
public func ehr_g2_get_generator(_ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall { Buffers.write(G2Affine.generator.compressed, to: try Buffers.requireOutput(out, "out")) }
}

@_cdecl("ehr_gt_get_generator")
public func ehr_gt_get_generator(_ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall { Buffers.write(GT.generator.bytes, to: try Buffers.requireOutput(out, "out")) }
}
