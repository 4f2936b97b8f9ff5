// swift-tools-version:6.0
// Tools version 6.0 puts every target in the Swift 6 language mode (strict concurrency).
import PackageDescription

/// Layering (imports point downward only, see ../shared/STYLE.md):
///   SIPSyntax, SDP            pure protocol core: model, parser, serializer (no I/O, no deps)
///   SIPAuth                   digest authentication (hashes from the system's libcrypto)
///   SIPProtocol               sans-I/O state machines (transactions, …) over SIPSyntax
///   SIPLint                   the strict, human-readable checker behind `dialtone sip-lint`
///   dialtone                  the executable: argument parsing and wiring only
///   C*                        module maps and tiny C shims for the system libraries
let package = Package(
    name: "Dialtone",
    products: [
        .executable(name: "dialtone", targets: ["dialtone"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries. ncursesw and libpulse have no pkgConfig line: their .pc files only add
        // -D/-pthread flags that SwiftPM rejects with a warning on every build (TOOLCHAIN.md §2).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CPulse", providers: [.apt(["libpulse-dev"])]),
        .systemLibrary(name: "CSRTP", pkgConfig: "libsrtp2", providers: [.apt(["libsrtp2-dev"])]),
        .systemLibrary(name: "COpus", pkgConfig: "opus", providers: [.apt(["libopus-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CAres", pkgConfig: "libcares", providers: [.apt(["libc-ares-dev"])]),
        // G.722 from spandsp; the resampler from speexdsp (issue 6).
        .systemLibrary(name: "CSpanDSP", providers: [.apt(["libspandsp-dev"])]),
        .systemLibrary(name: "CSpeexDSP", pkgConfig: "speexdsp", providers: [.apt(["libspeexdsp-dev"])]),
        // C wrappers for what Swift cannot import: macros, variadic functions, C globals.
        // linkerSettings are required: a module map's `link` only autolinks where Swift imports it.
        .target(
            name: "CShim",
            dependencies: ["CNcursesw", "CPulse", "CSRTP", "COpus", "COpenSSL"],
            linkerSettings: [
                .linkedLibrary("ncursesw"), .linkedLibrary("pulse"), .linkedLibrary("pulse-simple"),
                .linkedLibrary("srtp2"), .linkedLibrary("opus"),
                .linkedLibrary("ssl"), .linkedLibrary("crypto"),
            ]
        ),

        .target(name: "SIPSyntax"),
        .target(name: "SDP"),
        .target(name: "SIPAuth", dependencies: ["CShim"]),
        .target(name: "SIPProtocol", dependencies: ["SIPSyntax"]),
        .target(name: "SIPLint", dependencies: ["SIPSyntax", "SDP"]),
        // RFC 3263 server location (NAPTR → SRV → A/AAAA) with c-ares as the DNS client.
        .target(name: "SIPServerLocation", dependencies: ["CAres"]),
        // Transports (UDP/TCP/TLS over SwiftNIO), the transaction layer wired to them, keep-alive.
        .target(
            name: "SIPTransport",
            dependencies: [
                "SIPSyntax", "SIPProtocol", "SIPServerLocation",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Storage (issue 8): contacts as vCard files in a vdir, call history in SQLite.
        .target(name: "Contacts"),
        .target(name: "CallHistory", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Themes (TOML files naming roles), validated with file/line/key errors.
        .target(name: "Themes", dependencies: ["TOMLLines", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Maps TOML key paths to source lines (TOMLKit forgets them) for file/line/key diagnostics.
        .target(name: "TOMLLines"),
        // The user's config.toml (issue 4): accounts and general settings, validated with
        // file/line/key errors before anything starts.
        .target(
            name: "DialtoneConfig",
            dependencies: ["TOMLLines", "SIPSyntax", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Sans-I/O registration (RFC 3261 §10, RFC 5626) and MWI subscription (RFC 3842, 6665) machines.
        .target(name: "SIPRegistration", dependencies: ["SIPSyntax", "SIPAuth"]),
        // Sans-I/O dialogs and INVITE sessions (RFC 3261 §12–15, RFC 3515/3891/4028/3262).
        .target(name: "SIPDialog", dependencies: ["SIPSyntax", "SDP", "SIPAuth"]),
        // Pure media core (issue 6): RTP/RTCP packets and statistics, jitter buffer, G.711, PLC.
        .target(name: "MediaCore"),
        // Media I/O (issue 6): codecs, resampling, SRTP/DTLS-SRTP, RTP sessions over UDP, audio
        // devices through PulseAudio, WAV files.
        .target(
            name: "MediaEngine",
            dependencies: [
                "MediaCore", "SDP", "CShim", "CSRTP", "COpus", "CPulse", "COpenSSL", "CSpanDSP", "CSpeexDSP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            linkerSettings: [.linkedLibrary("spandsp"), .linkedLibrary("speexdsp")]
        ),
        // The full-screen UI (issue 7): a pure screen model and layout, rendered through ncursesw.
        .target(name: "TerminalUI", dependencies: ["CShim", "CNcursesw", "Themes", "TOMLLines"]),

        // The phone engine (actors over the transaction layer): accounts and registration now,
        // calls and media next. The UI, the command line and the tests all drive it.
        .target(
            name: "PhoneEngine",
            dependencies: [
                "DialtoneConfig", "SIPRegistration", "SIPTransport", "SIPServerLocation", "SIPSyntax", "SIPAuth",
                "SIPProtocol", "SIPDialog", "SDP", "MediaCore", "MediaEngine", "CallHistory", "Contacts",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // The adapter between the engine and the full-screen UI (issue 7): engine events into
        // `PhoneSnapshot`s, `UICommand`s carried out against the engine and the stores. A library,
        // so tests can import it; the executable keeps only the terminal's run loop.
        .target(
            name: "DialtoneApp",
            dependencies: ["PhoneEngine", "TerminalUI", "Themes", "Contacts", "CallHistory", "DialtoneConfig", "MediaEngine"]),

        .executableTarget(
            name: "dialtone",
            dependencies: [
                "DialtoneApp", "SIPLint", "Contacts", "CallHistory", "SIPTransport", "SIPServerLocation", "PhoneEngine", "DialtoneConfig",
                "TerminalUI", "Themes", "MediaEngine",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // libFuzzer entry points; built only by scripts/fuzz.sh with -sanitize=fuzzer.
        .executableTarget(name: "FuzzSIP", dependencies: ["SIPSyntax"]),
        .executableTarget(name: "FuzzSDP", dependencies: ["SDP"]),
        // Throughput figures (run with scripts/bench.sh in release mode; never a timed test).
        .executableTarget(
            name: "DialtoneBenchmarks", dependencies: ["SIPSyntax", "SDP", "Contacts"],
            path: "Benchmarks/DialtoneBenchmarks"),

        // Locates Tests/Fixtures by source path, so fixtures stay plain files shared by every test target.
        .target(name: "TestSupport", dependencies: ["SIPTransport", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio")], path: "Tests/TestSupport"),
        .testTarget(name: "SIPSyntaxTests", dependencies: ["SIPSyntax", "TestSupport"]),
        .testTarget(name: "SDPTests", dependencies: ["SDP", "TestSupport"]),
        .testTarget(name: "SIPAuthTests", dependencies: ["SIPAuth", "CShim", "TestSupport"]),
        .testTarget(name: "SIPProtocolTests", dependencies: ["SIPProtocol", "SIPSyntax"]),
        .testTarget(name: "SIPLintTests", dependencies: ["SIPLint", "SIPSyntax", "TestSupport"]),
        .testTarget(name: "SystemLibrariesTests", dependencies: ["CShim"]),
        .testTarget(name: "SIPServerLocationTests", dependencies: ["SIPServerLocation", "TestSupport"]),
        .testTarget(
            name: "SIPTransportTests",
            dependencies: ["SIPTransport", "SIPSyntax", "SIPProtocol", "SIPServerLocation", "TestSupport"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "TestSupport"]),
        .testTarget(name: "TOMLLinesTests", dependencies: ["TOMLLines"]),
        .testTarget(
            name: "PhoneEngineTests",
            dependencies: [
                "PhoneEngine", "DialtoneConfig", "SIPRegistration", "SIPTransport", "SIPServerLocation", "SIPSyntax", "TestSupport",
                "MediaEngine", "SDP", "CallHistory", "SIPDialog", .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(name: "DialtoneConfigTests", dependencies: ["DialtoneConfig", "TestSupport"]),
        .testTarget(name: "SIPRegistrationTests", dependencies: ["SIPRegistration", "SIPSyntax", "SIPAuth", "TestSupport"]),
        .testTarget(name: "SIPDialogTests", dependencies: ["SIPDialog", "SIPSyntax", "SDP", "TestSupport"]),
        .testTarget(name: "MediaCoreTests", dependencies: ["MediaCore", "TestSupport"]),
        .testTarget(name: "MediaEngineTests", dependencies: ["MediaEngine", "MediaCore", "SDP", "TestSupport", "CShim", "CSRTP", .product(name: "NIOPosix", package: "swift-nio")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Themes", "TestSupport"]),
        .testTarget(
            name: "DialtoneAppTests",
            dependencies: [
                "DialtoneApp", "PhoneEngine", "TerminalUI", "DialtoneConfig", "MediaEngine", "CallHistory", "Contacts",
                "SIPTransport", "SIPRegistration", "TestSupport", .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(name: "ContactsTests", dependencies: ["Contacts", "TestSupport"]),
        .testTarget(
            name: "CallHistoryTests",
            dependencies: ["CallHistory", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
