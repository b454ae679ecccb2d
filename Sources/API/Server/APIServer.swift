import Essentials
import Hummingbird
import Logging
import OpenAPIKit
import Postgres
import Prometheus
import Queue
import Redis
import Store

/// The HTTP API: builds the router, its middleware and every route from a configuration and
/// the platform's clients, and makes the Hummingbird application that serves them.
public struct APIServer: Sendable {
    /// The settings the server was made with.
    public let configuration: APIConfiguration
    private let responder: RouterResponder<APIRequestContext>
    /// Every route served, as registered.
    public let routes: [APIRoute]
    /// Active users and predictions viewed; run it as a service beside the application, after the Redis client.
    public let engagement: EngagementRecorder
    private let logger: Logger

    /// Builds the routes.
    ///
    /// - Parameters:
    ///   - redis: Redis, for sessions, login throttling, rate limits, the read caches and readiness.
    ///   - queue: The job queue; its registry must know every job type that may be submitted.
    ///   - registry: The job types and their payload validation.
    ///   - database: The PostgreSQL primary, for users, sessions and every read that must see its own writes.
    ///   - reads: Routes the read paths that tolerate a few seconds' staleness (predictions, games, odds, models,
    ///     performance, reports) to a replica; `Store.reads` of a store with a replica. Default: every read on `database`.
    ///   - metrics: The registry `/metrics` exports, where the caches and engagement count; bootstrap swift-metrics with it
    ///     to export every module's metrics.
    public init(
        configuration: APIConfiguration, redis: RedisClient, queue: JobQueue, registry: JobRegistry, database: any PostgresDatabase,
        reads: PostgresReadRouter? = nil, metrics: PrometheusCollectorRegistry, logger: Logger = Logger(label: "aips.api")
    ) {
        let reads = reads ?? PostgresReadRouter(primary: database, replica: nil)
        self.configuration = configuration
        self.logger = logger
        let auth = configuration.auth
        let signer = auth.signer
        // The caches count hits and misses in the registry `/metrics` serves, bootstrapped or not.
        let counters = PrometheusMetricsFactory(registry: metrics)
        let namespace = configuration.redisNamespace
        let sessions = SessionStore(
            redis: redis, lifetime: auth.sessionLifetime, namespace: namespace, counters: CacheCounters(cache: "sessions", factory: counters))
        let issuer = TokenIssuer(signer: signer, accessTokenLifetime: auth.accessTokenLifetime, twoFactorTokenLifetime: auth.twoFactorTokenLifetime)
        let throttle = LoginThrottle(
            redis: redis, perAddress: auth.loginAttemptsPerAddress, maxFailures: auth.maxFailedLogins, lockout: auth.lockout,
            namespace: configuration.redisNamespace)

        let engagement = EngagementRecorder(
            redis: redis, namespace: namespace, now: configuration.now, interval: configuration.engagementFlushInterval, metrics: counters)
        self.engagement = engagement

        let log = RouteLog()
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: RequestTracingMiddleware(slowThreshold: configuration.slowRequestThreshold))
        router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
        router.add(middleware: ErrorMiddleware(routes: log))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: BodyLimitMiddleware(maxBodySize: configuration.maxBodySize))

        let root = RouteRegistrar(target: router, prefix: "", log: log)
        let api = RouteRegistrar(target: router.group("api/v1"), prefix: "/api/v1", log: log)
        // Every route behind these is checked here, not in its handler: signed in, and for the admin ones an admin.
        let authentication = AuthenticationMiddleware(
            signer: signer, sessions: sessions, limit: configuration.userRateLimit, engagement: engagement)
        let signedIn = RouteRegistrar(target: router.group("api/v1").add(middleware: authentication), prefix: "/api/v1", log: log)
        let adminOnly = RouteRegistrar(
            target: router.group("api/v1").add(middleware: authentication).add(middleware: AdminOnlyMiddleware()), prefix: "/api/v1",
            log: log)
        let admin = RouteRegistrar(
            target: router.group("api/v1/admin").add(middleware: authentication).add(middleware: AdminOnlyMiddleware()),
            prefix: "/api/v1/admin", log: log)

        HealthRoutes(redis: redis, database: database).register(on: [root, api])
        MetricsRoutes(registry: metrics).register(on: root)
        api.get("openapi.json") { _, _ in OpenAPIResponse() }
        let administration = UserAdministration(database: database, sessions: sessions, throttle: throttle, hasher: auth.passwordHasher)
        let enrolment = TwoFactorEnrolment(
            database: database, sealing: SecretSealing(keyring: auth.totpKeyring, purpose: .totp), sessions: sessions)
        AuthRoutes(
            database: database, redis: redis, issuer: issuer, sessions: sessions, throttle: throttle, hasher: auth.passwordHasher,
            administration: administration, totpKeyring: auth.totpKeyring, enrolment: enrolment, maxBodySize: configuration.maxBodySize
        ).register(public: api, authenticated: signedIn)
        JobRoutes(queue: queue, registry: registry, maxBodySize: configuration.maxBodySize, scanLimit: configuration.jobScanLimit)
            .register(on: adminOnly)
        OpsRoutes(
            reader: OpsOverviewReader(
                queue: queue, recentFailures: configuration.opsRecentFailures, runningJobsPerQueue: configuration.opsRunningJobsPerQueue)
        ).register(page: root, api: adminOnly)
        let predictionReader = PredictionReader(reads: reads)
        PredictionRoutes(
            reader: predictionReader, database: database,
            cache: .predictions(redis: redis, lifetime: configuration.predictionCacheLifetime, namespace: namespace, metrics: counters),
            engagement: engagement, market: configuration.market).register(on: signedIn)
        AlertRoutes(
            database: database, predictions: predictionReader, maxBodySize: configuration.maxBodySize,
            webhookPrivateHosts: configuration.webhookPrivateHosts,
            webhookSecrets: SecretSealing(keyring: configuration.auth.totpKeyring, purpose: .webhook), market: configuration.market
        ).register(on: signedIn)
        ReportRoutes(reads: reads, market: configuration.market, now: configuration.now).register(on: signedIn)
        ModelRoutes(reads: reads, market: configuration.market, now: configuration.now).register(on: signedIn)
        GameRoutes(
            reads: reads, games: .games(redis: redis, lifetime: configuration.gameCacheLifetime, namespace: namespace, metrics: counters),
            odds: .odds(redis: redis, lifetime: configuration.oddsCacheLifetime, namespace: namespace, metrics: counters), now: configuration.now,
            market: configuration.market
        ).register(on: signedIn)
        BettingRoutes(
            database: database, maxBodySize: configuration.maxBodySize, threeWaySports: configuration.threeWaySports, now: configuration.now,
            market: configuration.market
        ).register(on: signedIn)
        AdminUserRoutes(
            database: database, administration: administration, hasher: auth.passwordHasher, maxBodySize: configuration.maxBodySize
        ).register(on: admin)
        AdminTwoFactorRoutes(enrolment: enrolment, maxBodySize: configuration.maxBodySize).register(on: admin)
        AdminQueueRoutes(queue: queue).register(on: admin)
        AdminExportRoutes(reader: predictionReader, market: configuration.market).register(on: admin)
        AdminEngagementRoutes(engagement: engagement, database: database).register(on: admin)
        AdminModelRoutes(database: database, maxBodySize: configuration.maxBodySize).register(on: admin)
        AdminQualityRoutes(database: database, now: configuration.now).register(on: admin)
        AdminPromotionRoutes(
            database: database, maxBodySize: configuration.maxBodySize, requiredShadowGames: configuration.promotionShadowGames).register(on: admin)

        self.responder = router.buildResponder()
        self.routes = log.all
    }

    /// Every operation the OpenAPI document describes.
    public static var documentedRoutes: [APIRoute] { OpenAPIDocument.operations }

    /// The OpenAPI 3.1 document served at `/api/v1/openapi.json`.
    public static var openAPIDocument: OpenAPI.Document { OpenAPIDocument.document }

    /// The Hummingbird application, a swift-service-lifecycle `Service`; run it in the process's `ServiceGroup`.
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "aips-api"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
