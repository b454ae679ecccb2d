import API
import ArgumentParser
import Essentials
import Foundation
import Jobs
import Logging
import Metrics
import Prometheus
import Queue
import Redis
import ServiceLifecycle
import Store
import UnixSignals

/// `aips api`: serves the HTTP API until SIGTERM/SIGINT.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Serve the HTTP API (jobs, predictions, auth, health, metrics). JWT_SECRET (≥ 32 bytes) is required outside --dev.")

    @OptionGroup var redis: RedisOptions
    @OptionGroup var database: APIDatabaseOptions
    @OptionGroup var promotion: PromotionShadowOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Requests each user may make per minute, shared by every API instance.")
    var userRateLimit: Int = 600

    @Option(help: "Login and 2FA attempts each client address may make per minute.")
    var loginRateLimit: Int = 30

    @Option(help: "Largest request body in bytes.")
    var maxBodySize: Int = 1 << 20

    @Option(help: "Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client. Default: $TRUSTED_PROXIES, else none.")
    var trustedProxies: String?

    @Flag(help: "Development: without JWT_SECRET, sign with a random secret that dies with the process; alert webhooks may point at private hosts (a local receiver).")
    var dev = false

    @Flag(help: "Do not apply pending database migrations at start.")
    var skipMigrations = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard userRateLimit >= 1 else { throw ValidationError("--user-rate-limit must be at least 1") }
        guard loginRateLimit >= 1 else { throw ValidationError("--login-rate-limit must be at least 1") }
        guard (1024...(64 << 20)).contains(maxBodySize) else { throw ValidationError("--max-body-size must be 1 KiB to 64 MiB") }
        _ = try proxies()
        _ = try MarketEnvironment.market()
    }

    /// `--trusted-proxies`, else `TRUSTED_PROXIES`, parsed; a bad entry is refused at start.
    func proxies() throws -> TrustedProxies {
        let list = trustedProxies ?? ProcessInfo.processInfo.environment["TRUSTED_PROXIES"] ?? ""
        do { return try TrustedProxies(list: list) } catch { throw ValidationError("--trusted-proxies: \(error)") }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.api")
        let secret = try Self.jwtSecret(dev: dev, logger: logger)
        var configuration = APIConfiguration(auth: AuthConfiguration(secret: secret))
        configuration.auth.loginAttemptsPerAddress = RateLimit(requests: loginRateLimit, per: .seconds(60))
        configuration.host = host
        configuration.port = port
        configuration.maxBodySize = maxBodySize
        configuration.userRateLimit = RateLimit(requests: userRateLimit, per: .seconds(60))
        configuration.trustedProxies = try proxies()
        configuration.promotionShadowGames = try promotion.resolvedGames()
        configuration.threeWaySports = CollectedSport.threeWayCodes
        configuration.webhookPrivateHosts = dev
        configuration.market = try MarketEnvironment.market()
        configuration.auth.totpKeyring = try DevServers.totpKeyring()
        if configuration.auth.totpKeyring == nil {
            logger.warning(
                "TOTP_ENCRYPTION_KEYS is not set: two-factor enrolment and setting an alert webhook answer 500 (openssl rand -hex 32)")
        }

        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))

        let client = try redis.makeClient()
        let registry = JobCatalog.registry(redis: client)
        let queue = JobQueue(redis: client, configuration: try .aips(), registry: registry)
        let store = database.makeStore()
        if !skipMigrations {
            do {
                let applied = try await store.migrate(logger: logger)
                if !applied.isEmpty { logger.info("applied migrations", metadata: ["count": "\(applied.count)"]) }
            } catch {
                // The service group closes the clients; it never ran.
                client.close()
                await store.shutdown()
                throw error
            }
        }
        let server = APIServer(
            configuration: configuration, redis: client, queue: queue, registry: registry, database: store, reads: store.reads, metrics: metrics,
            logger: logger)
        if database.resolvedReplicaURL != nil {
            logger.info("reads that tolerate staleness use the replica", metadata: ["max_lag_seconds": "\(database.replicaMaxLag)"])
        }
        let host = configuration.host
        let application = server.makeApplication { port in
            logger.info("API listening", metadata: ["host": "\(host)", "port": "\(port)"])
        }
        // Shut down in reverse: the server stops before the store and the Redis client it uses.
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: client), .init(service: store), .init(service: server.engagement), .init(service: application)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// `JWT_SECRET` from the environment, or `JWT_SECRET_FILE`'s contents; a random one only with `--dev`.
    static func jwtSecret(dev: Bool, logger: Logger) throws -> JWTSecret {
        let environment = ProcessInfo.processInfo.environment
        var text = environment["JWT_SECRET"]
        if text == nil, let path = environment["JWT_SECRET_FILE"] {
            text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let text {
            do {
                return try JWTSecret(text)
            } catch {
                throw APIStartupError(description: "JWT_SECRET is refused: \(error)")
            }
        }
        guard dev else {
            throw APIStartupError(description: "JWT_SECRET (or JWT_SECRET_FILE) must hold a secret of at least \(JWTSecret.minimumLength) bytes; use --dev for a throwaway one")
        }
        logger.warning("no JWT_SECRET: signing with a random secret; tokens die with this process")
        return try JWTSecret.random()
    }
}
