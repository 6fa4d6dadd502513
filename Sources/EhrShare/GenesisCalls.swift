// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger

// MARK: - Genesis (include/ehrshare.h, "Ledger and record store")

@_cdecl("ehr_genesis_new")
public func ehr_genesis_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ chainName: UnsafePointer<UInt8>?, _ chainNameLen: Int,
    _ genesisTimeMs: UInt64, _ slotMs: UInt32, _ producers: UInt16, _ replayWindowMs: UInt32,
    _ maxDriftMs: UInt32, _ seed: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        let name = try Arguments.nonEmpty(chainName, chainNameLen, "chain_name", max: 255)
        let seedBytes = try Buffers.read(seed, Int(EHR_HASH_BYTES), "seed")
        let genesis = Genesis(
            chainName: name, genesisTime: genesisTimeMs, slotMillis: slotMs, activeProducers: producers,
            replayWindowMillis: replayWindowMs, maxDriftMillis: maxDriftMs, seed: seedBytes, nodes: [])
        try Handles.make(GenesisHandle(genesis), out, "out")
    }
}

@_cdecl("ehr_genesis_add_node")
public func ehr_genesis_add_node(
    _ genesis: OpaquePointer?, _ name: UnsafePointer<UInt8>?, _ nameLen: Int, _ publicKey: UnsafePointer<UInt8>?,
    _ stake: UInt64
) -> ehr_status {
    cabiCall {
        let g = try Handles.borrow(genesis, as: GenesisHandle.self, "genesis")
        let nodeName = try Arguments.nonEmpty(name, nameLen, "name", max: 255)
        let key = try Buffers.read(publicKey, NodeSigningKey.publicKeyBytes, "public_key")
        guard g.genesis.nodes.count < Int(UInt16.max) else {
            throw CABIFailure(EHR_ERR_PARAM, "a genesis holds at most 65535 nodes")
        }
        g.genesis.nodes.append(Genesis.Node(name: nodeName, key: key, stake: stake))
    }
}

@_cdecl("ehr_genesis_from_bytes")
public func ehr_genesis_from_bytes(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ bytes: UnsafePointer<UInt8>?, _ len: Int
) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        guard bytes != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "bytes is NULL") }
        let encoded = try Arguments.bytes(bytes, len, "bytes")
        try Handles.make(GenesisHandle(try Genesis.decode(encoded)), out, "out")
    }
}

@_cdecl("ehr_genesis_to_bytes")
public func ehr_genesis_to_bytes(
    _ genesis: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let g = try Handles.borrow(genesis, as: GenesisHandle.self, "genesis")
        try g.genesis.validate()
        try Buffers.writeVariable(g.genesis.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_genesis_get_hash")
public func ehr_genesis_get_hash(_ genesis: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let g = try Handles.borrow(genesis, as: GenesisHandle.self, "genesis")
        let out = try Buffers.requireOutput(out, "out")
        try g.genesis.validate()
        Buffers.write(g.genesis.hash, to: out)
    }
}

@_cdecl("ehr_genesis_free")
public func ehr_genesis_free(_ genesis: OpaquePointer?) {
    Handles.release(genesis, as: GenesisHandle.self)
}
