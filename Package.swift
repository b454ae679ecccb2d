// swift-tools-version:6.1
import PackageDescription

/// Settings every first-party target shares.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // A member is visible only where its module is imported, so every file declares what it uses.
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Modules whose imports stay internal unless a file marks one `public import` because its public API names that
/// dependency's types: a client sees only what they declare.
let internalImportsSwiftSettings = swiftSettings + [.enableUpcomingFeature("InternalImportsByDefault")]

/// The products of other packages the targets import, each named once.
extension Target.Dependency {
    static let argumentParser: Self = .product(name: "ArgumentParser", package: "swift-argument-parser")
    static let asyncHTTPClient: Self = .product(name: "AsyncHTTPClient", package: "async-http-client")
    static let httpTypes: Self = .product(name: "HTTPTypes", package: "swift-http-types")
    static let hummingbird: Self = .product(name: "Hummingbird", package: "hummingbird")
    static let hummingbirdTesting: Self = .product(name: "HummingbirdTesting", package: "hummingbird")
    static let logging: Self = .product(name: "Logging", package: "swift-log")
    static let metrics: Self = .product(name: "Metrics", package: "swift-metrics")
    static let metricsTestKit: Self = .product(name: "MetricsTestKit", package: "swift-metrics")
    static let nioCore: Self = .product(name: "NIOCore", package: "swift-nio")
    static let nioHTTP1: Self = .product(name: "NIOHTTP1", package: "swift-nio")
    static let nioFoundationCompat: Self = .product(name: "NIOFoundationCompat", package: "swift-nio")
    static let openAPIKit: Self = .product(name: "OpenAPIKit", package: "OpenAPIKit")
    static let prometheus: Self = .product(name: "Prometheus", package: "swift-prometheus")
    static let serviceLifecycle: Self = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
    static let unixSignals: Self = .product(name: "UnixSignals", package: "swift-service-lifecycle")
    static let yams: Self = .product(name: "Yams", package: "Yams")
}

let package = Package(
    name: "aips",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "aips", targets: ["aips"]),
        .library(name: "Redis", targets: ["Redis"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "Queue", targets: ["Queue"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "ML", targets: ["ML"]),
        .library(name: "Scheduler", targets: ["Scheduler"]),
        .library(name: "Jobs", targets: ["Jobs"]),
        .library(name: "API", targets: ["API"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in the graph through Hummingbird and AsyncHTTPClient; named because the code imports them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The OpenAPI document is built typed; external loading (and its concurrency cost at compile time) is not needed.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        // System libraries: nothing but the shim lives here.
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CUV", pkgConfig: "libuv", providers: [.apt(["libuv1-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        // What every layer needs: hashing and HMAC over OpenSSL, hex, durations, the CSV reader, the JSON value.
        .target(name: "Essentials", dependencies: ["COpenSSL"], swiftSettings: internalImportsSwiftSettings),

        // Drivers: each owns its C libraries; nothing in them knows about jobs, games or models.
        .target(
            name: "Redis",
            dependencies: ["CHiredis", "CUV", "COpenSSL", "Essentials", .logging, .serviceLifecycle],
            swiftSettings: internalImportsSwiftSettings
        ),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", "Essentials", .logging, .serviceLifecycle],
            swiftSettings: internalImportsSwiftSettings
        ),

        // Domain layers over the drivers.
        .target(
            name: "Queue",
            dependencies: ["Redis", "Essentials", .logging, .metrics, .serviceLifecycle],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Store",
            dependencies: ["Postgres", "Essentials", .logging, .serviceLifecycle],
            swiftSettings: swiftSettings
        ),
        // The learners' loops run 20–50× slower unoptimized, and the test suite trains real models: ML is optimized in
        // debug builds too (the root package may pass compiler flags; nothing depends on this package).
        .target(name: "ML", dependencies: ["Essentials"], swiftSettings: internalImportsSwiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "Scheduler",
            dependencies: ["Queue", "Redis", "Essentials", .logging, .metrics, .serviceLifecycle, .yams],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Jobs",
            dependencies: [
                "Queue", "Redis", "Store", "Postgres", "ML", "Essentials", .asyncHTTPClient, .logging, .metrics, .nioCore,
                .nioHTTP1,
            ],
            swiftSettings: swiftSettings
        ),
        // The simulated upstream world (The Odds API, ESPN, Open-Meteo) the collectors run against.
        .target(
            name: "Sandbox",
            dependencies: ["Essentials", .hummingbird, .httpTypes, .logging, .serviceLifecycle],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "API",
            dependencies: [
                "Queue", "Redis", "Store", "Postgres", "ML", "Essentials", "COpenSSL", .hummingbird, .httpTypes, .logging, .metrics,
                .nioCore, .prometheus, .openAPIKit, .serviceLifecycle,
            ],
            swiftSettings: swiftSettings
        ),
        // What `aips dev`, the tests and the benches run beside the platform, never part of a deployment's domain code:
        // private redis-server and PostgreSQL processes, and job types that exercise the queue end to end.
        .target(name: "EmbeddedServers", dependencies: ["Redis", "Postgres", .logging], swiftSettings: internalImportsSwiftSettings),
        .target(
            name: "Diagnostics",
            dependencies: ["Queue", "Redis", "Store", "Postgres", "Essentials"],
            swiftSettings: internalImportsSwiftSettings
        ),
        .executableTarget(
            name: "aips",
            dependencies: [
                "Queue", "Redis", "Store", "Postgres", "ML", "Essentials", "Scheduler", "Jobs", "API", "Sandbox",
                "EmbeddedServers", "Diagnostics", .argumentParser, .metrics, .prometheus, .logging, .serviceLifecycle,
                .unixSignals,
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(name: "queue-bench", dependencies: ["Queue", "Redis", "Diagnostics"], path: "bench/QueueBench", exclude: ["README.md"], swiftSettings: swiftSettings),
        .executableTarget(name: "chaos", dependencies: ["TestSupport"], path: "bench/Chaos", swiftSettings: swiftSettings),
        .executableTarget(
            name: "pipeline-bench", dependencies: ["Essentials", "Jobs", "Queue", "Store", "Sandbox", "SandboxSupport", "TestSupport", "ML", .logging],
            path: "bench/Pipeline", swiftSettings: swiftSettings),
        .executableTarget(
            name: "replay-bench", dependencies: ["Jobs", "Essentials", "Store", "Sandbox", "SandboxSupport", "TestSupport", "ML", .logging],
            path: "bench/Replay", exclude: ["market_reference.py"], swiftSettings: swiftSettings),

        // Starts (or finds) the real redis-server and PostgreSQL the integration tests use.
        .target(
            name: "TestSupport", dependencies: ["Queue", "Redis", "Store", "Postgres", "Essentials", "EmbeddedServers", "Diagnostics", .logging], path: "Tests/TestSupport",
            swiftSettings: swiftSettings),
        // Collectors pointed at a running sandbox, for the Jobs tests and the benches.
        .target(name: "SandboxSupport", dependencies: ["Jobs", "Sandbox", "Store", "Postgres"], path: "Tests/SandboxSupport", swiftSettings: swiftSettings),
        .testTarget(name: "EssentialsTests", dependencies: ["Essentials"], swiftSettings: swiftSettings),
        .testTarget(name: "RedisTests", dependencies: ["Redis", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "Essentials", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "QueueTests",
            dependencies: ["Queue", "Redis", "Essentials", "Diagnostics", "TestSupport", .logging, .serviceLifecycle],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "StoreBench",
            dependencies: ["Store", "Postgres", "EmbeddedServers", .logging],
            path: "bench/store",
            exclude: ["run.sh"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Postgres", "Essentials", "EmbeddedServers", "TestSupport", .logging], swiftSettings: swiftSettings),
        .testTarget(
            name: "JobsTests",
            dependencies: [
                "Jobs", "Queue", "Redis", "Store", "Postgres", "ML", "Diagnostics", "Essentials", "Sandbox", "SandboxSupport",
                "TestSupport", .asyncHTTPClient, .metricsTestKit, .logging, .nioCore, .nioFoundationCompat, .nioHTTP1,
                .serviceLifecycle,
            ], exclude: ["CollectFixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "MLTests", dependencies: ["ML", "Essentials"], swiftSettings: swiftSettings),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "Queue", "Redis", "Store", "Postgres", "Essentials", "Diagnostics", "TestSupport", .hummingbird,
                .hummingbirdTesting, .httpTypes, .logging, .openAPIKit, .prometheus, .serviceLifecycle,
            ],
            // The DevTools driver the ops page browser tests run (Python's standard library only).
            exclude: ["Browser"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler", "Queue", "Redis", "Essentials", "TestSupport"], swiftSettings: swiftSettings),
        // deploy/: manifests, alerts and dashboards name only commands, options, variables and metrics the code has.
        .testTarget(
            name: "DeployTests", dependencies: ["TestSupport", .yams], swiftSettings: swiftSettings),
    ]
)
