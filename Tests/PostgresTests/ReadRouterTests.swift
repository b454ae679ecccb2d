import Foundation
@testable import Postgres
import TestSupport
import Testing

/// Read routing against the tests' real primary and its streaming replica (`scripts/test` starts both).
///
/// Serialized: one test pauses the shared replica's replay, which the others must not meet. The rest of the suite runs
/// beside these tests and writes much WAL (a `CREATE DATABASE` per test), so the replica may trail by seconds: bounds
/// are generous, and every test waits for the router's own verdict instead of assuming the replica keeps up.
@Suite(.serialized, .enabled(if: TestServers.databaseReplicaURL != nil, "needs DATABASE_REPLICA_URL (scripts/test starts a replica)"))
struct ReadRouterTests {
    /// Frequent measurements and a short retry, so a test sees the router change its mind quickly.
    static func configuration(url: String = "", maximumLag: Duration = .seconds(30)) -> PostgresReplicaConfiguration {
        PostgresReplicaConfiguration(url: url, maximumLag: maximumLag, lagCheckInterval: .milliseconds(50), retryAfterFailure: .milliseconds(300))
    }

    /// A fresh database with one row in `items`, replayed on the replica; a router over both.
    func setUp(_ function: String = #function, maximumLag: Duration = .seconds(30)) async throws
        -> (router: PostgresReadRouter, primary: PostgresConnectionPool, replicaURL: String)
    {
        let database = try await TestDatabase.create(function)
        let primary = database.pool()
        _ = try await primary.query("CREATE TABLE items (id int PRIMARY KEY)")
        _ = try await primary.query("INSERT INTO items VALUES (1)")
        let replicaURL = try #require(TestReplica.url(of: database.url))
        try await TestReplica.waitUntilReplayed(primary: database.url, replica: replicaURL)
        return (PostgresReadRouter(primary: primary, replica: Self.configuration(url: replicaURL, maximumLag: maximumLag)), primary, replicaURL)
    }

    func isStandby(_ database: any PostgresDatabase) async throws -> Bool {
        try #require(try await database.query("SELECT pg_is_in_recovery() AS standby").first).decode(Bool.self, "standby")
    }

    func count(_ database: any PostgresDatabase) async throws -> Int {
        try #require(try await database.query("SELECT count(*) AS n FROM items").first).decode(Int.self, "n")
    }

    /// Polls `route` until it answers `expected`; returns how long that took.
    func waitForRoute(_ router: PostgresReadRouter, _ expected: ReadRoute, timeout: Duration = .seconds(60)) async throws -> Duration {
        let start = ContinuousClock.now
        while await router.route(.boundedStaleness) != expected {
            guard ContinuousClock.now - start < timeout else {
                Issue.record("the router did not turn to \(expected) within \(timeout)")
                return ContinuousClock.now - start
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return ContinuousClock.now - start
    }

    @Test func aCaughtUpReplicaServesReadsThatTolerateStalenessAndThePrimaryTheRest() async throws {
        let (router, primary, _) = try await setUp()
        _ = try await waitForRoute(router, .replica)
        #expect(try await isStandby(await router.database(for: .boundedStaleness)))
        #expect(try await count(await router.database(for: .boundedStaleness)) == 1)
        #expect(try !(await isStandby(await router.database(for: .primary))))
        let status = try #require(router.status)
        #expect(status.isReadable)
        #expect(status.lagBytes != nil)
        await router.shutdown()
        await primary.shutdown()
    }

    @Test func aReplicaWhoseReplayStopsIsLeftPastTheBoundAndReadAgainOnceItCatchesUp() async throws {
        let bound = Duration.seconds(3)
        let (router, primary, replicaURL) = try await setUp(maximumLag: bound)
        _ = try await waitForRoute(router, .replica)
        let replica = try await PostgresConnection.connect(to: replicaURL)
        _ = try await replica.query("SELECT pg_wal_replay_pause()")
        do {
            _ = try await primary.query("INSERT INTO items VALUES (2)")
            // The replica no longer replays, so what it holds ages; past the bound (plus a measurement), the primary.
            #expect(try await waitForRoute(router, .primary) <= bound + .seconds(5))
            #expect(try await count(await router.database(for: .boundedStaleness)) == 2)
            #expect(try await count(replica) == 1)
        } catch {
            _ = try? await replica.query("SELECT pg_wal_replay_resume()")
            throw error
        }
        _ = try await replica.query("SELECT pg_wal_replay_resume()")
        _ = try await waitForRoute(router, .replica)
        let handle = await router.database(for: .boundedStaleness)
        #expect(try await isStandby(handle))
        #expect(try await count(handle) == 2)
        await replica.close()
        await router.shutdown()
        await primary.shutdown()
    }

    @Test func anUnreachableReplicaSendsReadsToThePrimary() async throws {
        let database = try await TestDatabase.create()
        let primary = database.pool()
        let router = PostgresReadRouter(
            primary: primary, replica: Self.configuration(url: "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2"))
        #expect(await router.route(.boundedStaleness) == .primary)
        #expect(try !(await isStandby(await router.database(for: .boundedStaleness))))
        #expect(router.status?.isReadable == false)
        await router.shutdown()
        await primary.shutdown()
    }

    @Test func aReadThatLosesTheReplicaIsAnsweredByThePrimaryAndLaterReadsSkipTheReplica() async throws {
        let (router, primary, _) = try await setUp()
        _ = try await waitForRoute(router, .replica)
        // A statement's own error is the caller's: not retried on the primary, and no mark against the replica.
        let replica = try #require(router.replica)
        let working = ReplicaFallbackDatabase(replica: replica, primary: primary, router: router)
        let error = await #expect(throws: StoreError.self) { try await working.query("SELECT * FROM no_such_table") }
        #expect(error?.sqlState == "42P01")
        #expect(await router.route(.boundedStaleness) == .replica)
        // The handle a request got while the replica was fine; the replica then goes away under it.
        let gone = PostgresConnectionPool(
            configuration: PostgresConfiguration(url: "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2"))
        let handle = ReplicaFallbackDatabase(replica: gone, primary: primary, router: router)
        #expect(try await count(handle) == 1)
        #expect(await router.route(.boundedStaleness) == .primary)
        await gone.shutdown()
        await router.shutdown()
        await primary.shutdown()
    }

    @Test func writesThroughAReplicaHandleAreRefused() async throws {
        let (router, primary, _) = try await setUp()
        _ = try await waitForRoute(router, .replica)
        let handle = await router.database(for: .boundedStaleness)
        let error = await #expect(throws: StoreError.self) { try await handle.query("INSERT INTO items VALUES (3)") }
        #expect(error?.sqlState == "25006")
        await router.shutdown()
        await primary.shutdown()
    }
}
