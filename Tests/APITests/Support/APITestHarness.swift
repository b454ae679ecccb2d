import API
import Diagnostics
import Essentials
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import Prometheus
import Queue
import Redis
import Store
import TestSupport

/// A real API server for one test: its own PostgreSQL database (migrated), its own Redis key
/// namespace and queue names, the real Redis; requests go over real HTTP (`.live`).
struct APITestHarness: Sendable {
    let server: APIServer
    let store: Store
    let queue: JobQueue
    let redis: RedisClient
    let namespace: String
    /// A queue name of this test's own.
    let queueName: String
    /// Routes the API's stale-tolerant reads; over the test replica when the harness was made `withReplica`.
    let reads: PostgresReadRouter

    /// The `application_name` of the API's sessions on the replica.
    static let replicaApplicationName = "aips-api-reads"
    static let secret = "api-tests-secret-that-is-at-least-32-bytes"
    static let hasher = PasswordHasher(cost: 1 << 10)
    /// The harness seals TOTP secrets as `aips user create` does, so 2FA tests go through decryption.
    static let totpKeyring = try! SecretKeyring(list: "8f2c1e5a9b7d3f60a4c2e8b1d5f7093a6c4e2b8d1f5a7c903e6b4d2f8a1c5e7b")

    /// A harness on a fresh database. `redisDatabase` gives the test a Redis logical database of
    /// its own, for tests that read every queue and worker (the ops overview) and so must not see
    /// those of tests running beside them. `withReplica` sends the read paths to the test replica (`scripts/test`
    /// starts one) through a router with the given bound. `redis` picks the single server or the cluster `scripts/test`
    /// starts, as compose and Kubernetes run the API on (a cluster has no logical databases: no `redisDatabase` there).
    static func make(
        _ function: String = #function, servingDatabase: (any PostgresDatabase)? = nil, redis deployment: RedisDeployment = .server,
        redisDatabase: Int? = nil, withReplica maximumLag: Duration? = nil, configure: (inout APIConfiguration) -> Void = { _ in }
    ) async throws -> APITestHarness {
        let store = try await TestServers.migratedStore(function)
        let database = servingDatabase ?? store
        var reads = PostgresReadRouter(primary: database, replica: nil)
        if let maximumLag, let replicaURL = TestReplica.url(of: store.pool.configuration.url) {
            // Named, so a test can count the API's sessions on the replica.
            let named = replicaURL + (replicaURL.contains("?") ? "&" : "?") + "application_name=" + replicaApplicationName
            reads = PostgresReadRouter(primary: database, replica: PostgresReplicaConfiguration(url: named, maximumLag: maximumLag))
        }
        let name = TestServers.uniqueName(function).lowercased()

        var redisConfiguration = try RedisConfiguration(url: deployment.url)
        if let redisDatabase { redisConfiguration.database = redisDatabase }
        let redis = RedisClient(configuration: redisConfiguration)
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        let queue = JobQueue(redis: redis, registry: registry)
        var auth = AuthConfiguration(secret: try JWTSecret(secret))
        auth.passwordHasher = hasher
        auth.loginAttemptsPerAddress = RateLimit(requests: 1000, per: .seconds(60))
        auth.totpKeyring = totpKeyring
        var configuration = APIConfiguration(auth: auth)
        configuration.port = 0
        configuration.maxBodySize = 64 * 1024
        configuration.redisNamespace = "apitest-" + name
        configuration.threeWaySports = ["epl"]  // as `aips api` sets it from the collectors' sports
        configure(&configuration)
        let server = APIServer(
            configuration: configuration, redis: redis, queue: queue, registry: registry, database: database, reads: reads,
            metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test.api"))
        return APITestHarness(
            server: server, store: store, queue: queue, redis: redis, namespace: configuration.redisNamespace,
            queueName: name, reads: reads)
    }

    /// Serves the API on a free port for the duration of `body`, then closes everything.
    func run(_ body: @Sendable (APIClient) async throws -> Void) async throws {
        defer { redis.close() }
        do {
            try await server.makeApplication().test(.live) { client in try await body(APIClient(client: client)) }
        } catch {
            await reads.shutdown()
            await store.shutdown()
            throw error
        }
        await reads.shutdown()
        await store.shutdown()
    }

    /// `run(_:)` with `user` signed in first: `body` gets the client and the user's access token.
    func run(as user: TestUser, _ body: @Sendable (APIClient, String) async throws -> Void) async throws {
        try await run { client in try await body(client, try await client.login(user).access) }
    }

    /// A user with a known password; with `totp`, 2FA is on and its secret is returned.
    func user(role: UserRole = .user, totp: Bool = false, _ function: String = #function) async throws -> TestUser {
        let email = "\(TestServers.uniqueName(function).lowercased())@example.com"
        let password = "correct horse battery staple"
        let secret = totp ? try TOTP.makeSecret() : nil
        let user = try await store.users.create(
            User(
                email: email, passwordHash: try await Self.hasher.hash(password), role: role,
                totpSecret: try secret.map { try Self.totpKeyring.seal($0, for: .totp) }))
        return TestUser(id: user.id!.uuidString.lowercased(), email: email, password: password, totpSecret: secret)
    }
}

/// A user the test created.
struct TestUser: Sendable {
    var id: String
    var email: String
    var password: String
    var totpSecret: String?
}
