// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore
import XCTest

/// Wire formats: every object round-trips, and every malformed input is a typed rejection.
final class EncodingTests: XCTestCase {
    func sampleTransactions(_ net: TestNet) throws -> [Transaction] {
        var reg = RegisterTx(sponsor: 0, sponsorSequence: 1, name: bytes("clinic"), nodeKey: net.keys[1].publicKey, stake: 5)
        try reg.sign(sponsorKey: net.keys[0], nodeKey: net.keys[1], genesisHash: net.genesis.hash)
        var dkg = DKGTx(sender: 2, sequence: 1, messageType: 0x02, payload: [1, 2, 3])
        try dkg.sign(with: net.keys[2], genesisHash: net.genesis.hash)
        return [
            .register(reg),
            .vote(try net.vote(1, [0, 2])),
            .record(net.record(owner: "hospital:a", id: "r1", grants: [AccessGrant(identity: bytes("doctor:b"), expiresAt: 42)])),
            .policy(net.policy(owner: "hospital:a", record: "r1", .grant, subject: "doctor:c", expiresAt: 99)),
            .policy(net.policy(owner: "hospital:a", record: "r1", .revoke, subject: "doctor:c")),
            .request(net.request("doctor:b", record: "r1", proxies: 2)),
            .receipt(try net.receipt(3, request: SHA256.hash([9]))),
            .dkg(dkg),
        ]
    }

    /// The kinds' type bytes are the registry's transaction entries, one each, and a byte
    /// maps back to its kind; no other byte names a kind.
    func testTransactionKindsAreRegistryEntries() {
        let types = TransactionKind.allCases.map(\.wireType)
        XCTAssertEqual(Set(types).count, TransactionKind.allCases.count)
        XCTAssertEqual(types.map(\.rawValue), Array(0x60...0x67))
        for kind in TransactionKind.allCases {
            XCTAssertEqual(TransactionKind(rawValue: kind.rawValue), kind)
            XCTAssertTrue("\(kind.wireType)".hasSuffix("Tx"))
        }
        for byte in UInt8.min...UInt8.max where !(0x60...0x67).contains(byte) {
            XCTAssertNil(TransactionKind(rawValue: byte))
        }
    }

    func testEveryTransactionKindRoundTrips() throws {
        let net = try TestNet()
        for tx in try sampleTransactions(net) {
            let enc = tx.encoded
            XCTAssertEqual(Array(enc.prefix(6)), [0x45, 0x48, 0x52, 0x53, 0x01, tx.kind.rawValue])
            XCTAssertEqual(try Transaction.decode(enc), tx)
            XCTAssertEqual(tx.id, SHA256.hash(enc))
            // No trailing bytes, no truncation, no foreign version or type.
            assertRejected(.encoding, try Transaction.decode(enc + [0]))
            assertRejected(.encoding, try Transaction.decode(Array(enc.dropLast())))
            var v = enc
            v[4] = 2
            assertRejected(.encoding, try Transaction.decode(v))
            var t = enc
            t[5] = 0x6F
            assertRejected(.encoding, try Transaction.decode(t))
            var m = enc
            m[0] = 0
            assertRejected(.encoding, try Transaction.decode(m))
        }
    }

    func testEveryTruncationOfABlockIsRejectedNeverTraps() throws {
        let net = try TestNet()
        let block = try net.nextBlock(try sampleTransactions(net))
        let enc = block.encoded
        XCTAssertEqual(try Block.decode(enc), block)
        for n in 0..<enc.count {
            assertRejected(.encoding, try Block.decode(Array(enc.prefix(n))))
        }
        assertRejected(.encoding, try Block.decode(enc + [0]))
    }

    func testHeaderLayoutAndHash() throws {
        let net = try TestNet()
        let block = try net.nextBlock()
        let h = block.header.encoded
        XCTAssertEqual(h.count, 6 + 8 + 32 + 8 + 2 + 32 + 4 + 64)
        XCTAssertEqual(h[5], WireType.blockHeader.rawValue)
        XCTAssertEqual(block.hash, SHA256.hash(h))
        XCTAssertEqual(block.header.previousHash, net.genesis.hash)
        XCTAssertTrue(Ed25519.verify(publicKey: net.key(block.header.producer).publicKey, message: h, signature: block.signature))
    }

    func testGenesisRoundTripAndValidation() throws {
        let net = try TestNet()
        XCTAssertEqual(try Genesis.decode(net.genesis.encoded), net.genesis)
        var g = net.genesis
        g.activeProducers = 5
        assertRejected(.genesis, try g.validate())
        g = net.genesis
        g.nodes[1].key = g.nodes[0].key
        assertRejected(.genesis, try g.validate())
        g = net.genesis
        g.nodes = g.nodes.map { Genesis.Node(name: $0.name, key: $0.key, stake: 0) }
        assertRejected(.genesis, try g.validate())
        g = net.genesis
        g.nodes[0].stake = UInt64.max
        assertRejected(.genesis, try g.validate())
    }

    /// Small-order and non-canonical Ed25519 keys are refused as genesis node keys.
    func testGenesisRefusesSmallOrderAndNonCanonicalNodeKeys() throws {
        let net = try TestNet()
        func hex(_ s: String) -> [UInt8] {
            var out: [UInt8] = []
            var it = s.makeIterator()
            while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16) ?? 0) }
            return out
        }
        let smallOrder: [[UInt8]] = [
            [0x01] + [UInt8](repeating: 0, count: 31),                                  // identity
            hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),    // order 8
            hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),    // order 8
            [UInt8](repeating: 0, count: 32),                                           // order 4
            [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],                      // order 2
            [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f],                      // y = p + 1 ≥ p
            [0xed] + [UInt8](repeating: 0xff, count: 30) + [0xff],                      // y = p, sign set
        ]
        XCTAssertNoThrow(try net.genesis.validate())
        for key in smallOrder {
            var g = net.genesis
            g.nodes[2].key = key
            assertRejected(.genesis, try g.validate())
        }
    }

    func testMerkleRootCommitsToOrderAndCount() throws {
        let net = try TestNet()
        let txs = try sampleTransactions(net)
        let a = try net.nextBlock(Array(txs.prefix(3)))
        let b = try net.nextBlock(Array(txs.prefix(3).reversed()))
        let c = try net.nextBlock(Array(txs.prefix(2)))
        XCTAssertNotEqual(a.header.merkleRoot, b.header.merkleRoot)
        XCTAssertNotEqual(a.header.merkleRoot, c.header.merkleRoot)
        // Promoting (not duplicating) an odd last node: [x, y, z] and [x, y, z, z] differ.
        let d = try net.nextBlock(Array(txs.prefix(3)) + [txs[2]])
        XCTAssertNotEqual(a.header.merkleRoot, d.header.merkleRoot)
        XCTAssertEqual(try net.nextBlock([]).header.merkleRoot, [UInt8](repeating: 0, count: 32))
    }
}
