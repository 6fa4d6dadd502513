// swift-tools-version:6.0
// SPDX-License-Identifier: Apache-2.0
//
// libehrshare: layering runs one way only (DESIGN.md §6):
//   CGMP, COpenSSL, CSQLite; EhrWire, EhrSQLite (shared bottom)
//   crypto stack:  EhrField → EhrCurve → EhrPairing → EhrProtocol
//   storage stack: EhrStore → EhrLedger
//   EhrNode (the two stacks meet here) → EhrShare (C ABI)
import PackageDescription

// Hot-path code is generic-free value arithmetic spread over modules; cross-module
// optimisation lets the optimiser inline Fp multiplication into the Miller loop.
let fast: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "libehrshare",
    products: [
        // The C-ABI shared library for C and Python (libehrshare.so).
        .library(name: "ehrshare", type: .dynamic, targets: ["EhrShare"]),
        // Swift consumers import the modules directly.
        .library(name: "EhrShareKit",
                 targets: ["EhrField", "EhrCurve", "EhrPairing", "EhrProtocol", "EhrStore", "EhrLedger"]),
        .executable(name: "ehrshare-bench", targets: ["ehrshare-bench"]),
        // The end-to-end demo (scripts/demo.sh): the whole flow of DESIGN.md §1 in one process.
        .executable(name: "ehrshare-demo", targets: ["ehrshare-demo"]),

        .executable(name: "ehrshare-consensus-sim", targets: ["ehrshare-consensus-sim"]),
        // A persistent local node directory driven from the command line (scripts/cli-smoke.sh).
        .executable(name: "ehrshare-cli", targets: ["ehrshare-cli"]),
        // The consortium node (DESIGN.md §8, issue #12): one process per institution, peers over mutual TLS.
        .executable(name: "ehrshare-node", targets: ["ehrshare-node"]),
    ],
    // Only ehrshare-node uses these; libehrshare.so (EhrShare) links none of them.
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Header-only target: the C ABI is compiled against include/ehrshare.h itself.
        .target(name: "CEhrShare", path: "Sources/CEhrShare"),

        // MULX/ADCX/ADOX Fp kernels (x86-64 assembly), chosen at run time by CPUID (issue #14).
        .target(name: "CEhrFieldAsm", path: "Sources/CEhrFieldAsm"),
        // The bottom module both stacks share (DESIGN.md §6, docs/WIRE.md): the one wire codec,
        // the registry of type bytes, and the one wrapper of libcrypto (SHA-256, HKDF, AES-GCM,
        // Ed25519, X25519, randomness, cleanse), imported internally so no consumer sees it.
        .target(name: "EhrWire", dependencies: ["COpenSSL"]),
        .target(name: "EhrField", dependencies: ["CGMP", "EhrWire", "CEhrFieldAsm"], swiftSettings: fast),
        .target(name: "EhrCurve", dependencies: ["EhrWire", "EhrField"], swiftSettings: fast),
        .target(name: "EhrPairing", dependencies: ["EhrField", "EhrCurve"], swiftSettings: fast),
        .target(name: "EhrProtocol", dependencies: ["EhrWire", "EhrField", "EhrCurve", "EhrPairing"],
                swiftSettings: fast),

        // The one SQLite wrapper (WAL, synchronous=FULL, no URI names), shared by the record
        // store and the ledger's block store; libsqlite3 is imported internally.
        .target(name: "EhrSQLite", dependencies: ["CSQLite"]),
        .target(name: "EhrStore", dependencies: ["EhrWire", "EhrSQLite"]),
        .target(name: "EhrLedger", dependencies: ["EhrWire", "EhrSQLite", "EhrStore"]),
        // Child process for the ledger crash tests: appends blocks, acknowledges each, gets SIGKILLed.
        .executableTarget(name: "ehrshare-ledger-crashtest", dependencies: ["EhrLedger"]),
        // The node layer (DESIGN.md §8, issue #12): what every host of a ledger needs above it —
        // the Cha–Cheon transaction verifier and signer, the transaction pool, the slot clock.
        .target(name: "EhrNode", dependencies: ["EhrWire", "EhrProtocol", "EhrLedger"], swiftSettings: fast),

        .target(
            name: "EhrShare",
            dependencies: ["CEhrShare", "EhrField", "EhrCurve", "EhrPairing", "EhrProtocol", "EhrStore", "EhrLedger", "EhrNode"],
            exclude: ["exports.map"],
            swiftSettings: fast,
            linkerSettings: [
                // A C or Python host must not need a Swift toolchain: the Swift runtime is
                // linked in statically, and the version script exports only ehr_* symbols.
                .unsafeFlags([
                    "-static-stdlib",
                    "-Xlinker", "--version-script=Sources/EhrShare/exports.map",
                ]),
            ]
        ),
        .executableTarget(name: "ehrshare-bench",
                          dependencies: ["EhrField", "EhrCurve", "EhrPairing", "EhrProtocol", "EhrLedger", "EhrStore", "EhrNode"],
                          swiftSettings: fast),
        // The main job: the paper's workflow end to end (scripts/demo.sh).
        .executableTarget(name: "ehrshare-demo",
                          dependencies: ["EhrNode", "EhrProtocol", "EhrLedger", "EhrStore", "EhrCurve", "EhrField", "EhrPairing"],
                          swiftSettings: fast),
        .executableTarget(name: "ehrshare-cli",
                          dependencies: ["EhrNode", "EhrProtocol", "EhrLedger", "EhrStore", "EhrCurve", "EhrField", "EhrPairing"],
                          swiftSettings: fast),
        // The networked node: keygen, genesis ceremony, run (peers over TLS 1.3, metrics over HTTP).
        .executableTarget(name: "ehrshare-node",
                          dependencies: [
                              "EhrNode", "EhrLedger", "EhrProtocol", "EhrWire", "EhrStore",
                              .product(name: "NIOCore", package: "swift-nio"),
                              .product(name: "NIOPosix", package: "swift-nio"),
                              .product(name: "NIOHTTP1", package: "swift-nio"),
                              .product(name: "NIOSSL", package: "swift-nio-ssl"),
                              .product(name: "ArgumentParser", package: "swift-argument-parser"),
                              .product(name: "Logging", package: "swift-log"),
                              .product(name: "X509", package: "swift-certificates"),
                              .product(name: "Crypto", package: "swift-crypto"),
                          ],
                          // Swift 5 mode: all of the node's state lives on one event loop (NodeCore), which
                          // NIO's own loop assertions check; Swift 6's Sendable rules would need every
                          // handler closure annotated for what that confinement already guarantees.
                          swiftSettings: fast + [.swiftLanguageMode(.v5)]),
        // Figure 2 of the paper: DPoS (the real ledger) vs PBFT vs PoW on an in-process network.
        .executableTarget(name: "ehrshare-consensus-sim", dependencies: ["EhrWire", "EhrLedger", "EhrStore"],
                          swiftSettings: fast),
        .executableTarget(name: "ehrshare-swift-example",
                          dependencies: ["EhrField", "EhrCurve", "EhrPairing", "EhrProtocol", "EhrStore"],
                          path: "Examples/Swift", exclude: ["example.exp"]),
        // Test targets. EhrShare (the C ABI) is not linked into the XCTest bundle:
        // its -static-stdlib link would pull static Foundation into the bundle.
        // The C ABI is tested the way hosts use it: Examples/C and the Python tests.
        .testTarget(name: "EhrProtocolTests", dependencies: ["EhrProtocol"]),
        .testTarget(name: "EhrFieldTests", dependencies: ["EhrField", "CGMP"]),
        .testTarget(name: "EhrCurveTests", dependencies: ["EhrCurve"]),
        .testTarget(name: "EhrPairingTests", dependencies: ["EhrPairing"]),
        .testTarget(name: "EhrStoreTests", dependencies: ["EhrStore", "EhrSQLite"]),
        .testTarget(name: "EhrLedgerTests", dependencies: ["EhrLedger", "EhrStore", "EhrSQLite", "COpenSSL"]),
        // The codec, the registry (against docs/WIRE.md) and the libcrypto wrapper (RFC vectors).
        .testTarget(name: "EhrWireTests", dependencies: ["EhrWire"]),
        .testTarget(name: "EhrNodeTests", dependencies: ["EhrNode", "EhrLedger", "EhrProtocol", "EhrCurve", "EhrField"]),
    ]
)
