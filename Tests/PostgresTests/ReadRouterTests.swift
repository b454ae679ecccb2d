import Foundation
@testable import Postgres
import TestSupport
import Testing

/// Read routing against the tests' real primary and its streaming replica (`scripts/test` starts both).
///
/// Serialized: one test pauses the shared replica's replay, which the others must not meet.
@Suite(.serialized, .enabled(if: TestServers.databaseReplicaURL != nil, "needs DATABASE_REPLICA_URL (scripts/test starts a replica)"))
struct ReadRouterTests {
    /// Short bounds, so a test sees the router change its mind within a second.
    static let fast = PostgresReplicaConfiguration(
        url: "", maximumLag: .milliseconds(400), lagCheckInterval: .milliseconds(50), retryAfterFailure: .milliseconds(300))

    /// A fresh database with one row in `items`, replayed on the replica; a router over both.
    func setUp(_ function: String = #function) async throws -> (router: PostgresReadRouter, primary: PostgresConnectionPool, replicaURL: String) {
        let database = try await TestDatabase.create(function)
        let primary = database.pool()
        _ = try await primary.query("CREATE TABLE items (id int PRIMARY KEY)")
        _ = try await primary.query("INSERT INTO items VALUES (1)")
        let replicaURL = try #require(TestReplica.url(of: database.url))
        try await TestReplica.waitUntilReplayed(primary: database.url, replica: replicaURL)
        var configuration = Self.fast
        configuration.url = replicaURL
        return (PostgresReadRouter(primary: primary, replica: configuration), primary, replicaURL)
    }

    func isStandby(_ database: any PostgresDatabase) async throws -> Bool {
        try #require(try await database.query("SELECT pg_is_in_recovery() AS standby").first).decode(Bool.self, "standby")
    }

    func count(_ database: any PostgresDatabase) async throws -> Int {
        try #require(try await database.query("SELECT count(*) AS n FROM items").first).decode(Int.self, "n")
    }

    /// Polls `route` until it answers `expected`; returns how long that took.
    func waitForRoute(_ router: PostgresReadRouter, _ expected: ReadRoute, timeout: Duration = .seconds(20)) async throws -> Duration {
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
        let (router, primary, replicaURL) = try await setUp()
        #expect(try await waitForRoute(router, .replica) < .seconds(1))
        let replica = try await PostgresConnection.connect(to: replicaURL)
        _ = try await replica.query("SELECT pg_wal_replay_pause()")
        do {
            _ = try await primary.query("INSERT INTO items VALUES (2)")
            let written = ContinuousClock.now
            // The replica no longer replays, so what it holds ages from the write on; past the bound, the primary.
            _ = try await waitForRoute(router, .primary)
            #expect(ContinuousClock.now - written >= .milliseconds(300))
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
        var configuration = Self.fast
        configuration.url = "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2"
        let router = PostgresReadRouter(primary: primary, replica: configuration)
        #expect(await router.route(.boundedStaleness) == .primary)
        #expect(try !(await isStandby(await router.database(for: .boundedStaleness))))
        #expect(router.status?.isReadable == false)
        await router.shutdown()
        await primary.shutdown()
    }

    @Test func aReadThatLosesTheReplicaIsAnsweredByThePrimaryAndLaterReadsSkipTheReplica() async throws {
        let (router, primary, _) = try await setUp()
        #expect(try await waitForRoute(router, .replica) < .seconds(1))
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
