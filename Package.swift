// swift-tools-version:6.0
// SPDX-License-Identifier: Apache-2.0
//
// libehrshare: layering runs one way only (DESIGN.md §6):
//   CGMP, COpenSSL, CSQLite → EhrField → EhrCurve → EhrPairing → EhrProtocol → EhrLedger/EhrStore → EhrShare (C ABI)
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
        .library(name: "EhrShareKit", targets: ["EhrField", "EhrStore", "EhrLedger"]),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Header-only target: the C ABI is compiled against include/ehrshare.h itself.
        .target(name: "CEhrShare", path: "Sources/CEhrShare"),

        .target(name: "EhrField", dependencies: ["CGMP", "COpenSSL"], swiftSettings: fast),
        .target(name: "EhrCurve", dependencies: ["EhrField", "COpenSSL"], swiftSettings: fast),
        .target(name: "EhrPairing", dependencies: ["EhrField", "EhrCurve"], swiftSettings: fast),

        .target(name: "EhrStore", dependencies: ["CSQLite", "COpenSSL"]),
        .target(name: "EhrLedger", dependencies: ["EhrStore", "CSQLite", "COpenSSL"]),
        // Child process for the ledger crash tests: appends blocks, acknowledges each, gets SIGKILLed.
        .executableTarget(name: "ehrshare-ledger-crashtest", dependencies: ["EhrLedger"]),

        .target(
            name: "EhrShare",
            dependencies: ["CEhrShare", "EhrField", "EhrCurve", "EhrPairing"],
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
        .testTarget(name: "EhrStoreTests", dependencies: ["EhrStore"]),
        .testTarget(name: "EhrLedgerTests", dependencies: ["EhrLedger", "EhrStore", "COpenSSL"]),
        // EhrShareTests dropped as on main (e25a3f0): the C ABI is tested as hosts use it.
    ]
)
