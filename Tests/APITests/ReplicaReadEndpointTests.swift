import API
import Foundation
import HTTPTypes
import Postgres
import Store
import TestSupport
import Testing

/// The API's read paths on the tests' streaming replica (`scripts/test` starts it); sign-in on the primary.
@Suite(.enabled(if: TestServers.databaseReplicaURL != nil, "needs DATABASE_REPLICA_URL (scripts/test starts a replica)"))
struct ReplicaReadEndpointTests {
    /// The API's sessions on the replica's copy of `store`'s database whose last statement was a read of the API's
    /// own, not the router's measurement of the replica's position.
    func apiReadsOnReplica(_ store: Store) async throws -> Int {
        let replica = try await PostgresConnection.connect(to: try #require(TestReplica.url(of: store.pool.configuration.url)))
        let count = try #require(
            try await replica.query(
                """
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = \(APITestHarness.replicaApplicationName)
                  AND query NOT LIKE '%pg_last_wal_replay_lsn%'
                """
            ).first
        ).decode(Int.self, "n")
        await replica.close()
        return count
    }

    /// A harness whose read paths use the replica, a user, and `seed`'s rows replayed on the replica.
    func replicaHarness<Seeded>(_ function: String = #function, seed: (Store) async throws -> Seeded) async throws
        -> (harness: APITestHarness, user: TestUser, seeded: Seeded)
    {
        // The rest of the suite writes much WAL beside this test: the replica may trail by seconds.
        let harness = try await APITestHarness.make(function, withReplica: .seconds(30))
        let user = try await harness.user(function)
        let seeded = try await seed(harness.store)
        let url = harness.store.pool.configuration.url
        try await TestReplica.waitUntilReplayed(primary: url, replica: try #require(TestReplica.url(of: url)))
        return (harness, user, seeded)
    }

    @Test func readPathsReadTheReplicaWhileSignInReadsThePrimary() async throws {
        let (harness, user, ids) = try await replicaHarness(seed: GameEndpointTests.seed)
        try await harness.run(as: user) { client, token in
            #expect(try await apiReadsOnReplica(harness.store) == 0, "sign-in reads its own writes on the primary")
            // Wait for the router's verdict: under load the replica may trail past the bound for a while.
            let deadline = ContinuousClock.now + .seconds(60)
            while await harness.reads.route(.boundedStaleness) != .replica && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(harness.reads.status?.isReadable == true)
            // A cache miss reads the replica once it holds every commit before this process first saw the cache's
            // generation (a first page sees it), not merely while it keeps up.
            #expect(try await client.get("/api/v1/games?limit=1", token: token).status == .ok)
            let seen = ContinuousClock.now
            while await harness.reads.route(.committedBefore(seen)) != .replica && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }

            let games = try await client.get("/api/v1/games", token: token)
            #expect(games.status == .ok, "\(games.text)")
            #expect(games.json["meta"]?["total"]?.int == 3)
            #expect(try await apiReadsOnReplica(harness.store) >= 1, "the listing was read on the replica")
            for path in ["/api/v1/games/\(ids[0])", "/api/v1/odds?game_id=\(ids[0])", "/api/v1/models", "/api/v1/performance", "/api/v1/predictions"] {
                let reply = try await client.get(path, token: token)
                #expect(reply.status == .ok, "\(path): \(reply.text.prefix(300))")
            }
            #expect(try await client.get("/api/v1/games/\(ids[0])", token: token).data?["odds"] != nil)
        }
    }

    /// A writer invalidates the cache after its commit; the next miss must not cache a replica's page that predates it.
    @Test func aCacheMissAfterAnInvalidationSeesTheNewPrediction() async throws {
        let (harness, user, ids) = try await replicaHarness(seed: PredictionEndpointTests.seed)
        try await harness.run(as: user) { client, token in
            #expect(try await client.get("/api/v1/predictions?sport=nba", token: token).json["meta"]?["total"]?.int == 2)
            try await PredictionEndpointTests.land(besides: ids[0], in: harness.store)
            try await ReadCache.predictions(redis: harness.redis, namespace: harness.namespace).invalidate()
            let fresh = try await client.get("/api/v1/predictions?sport=nba", token: token)
            #expect(fresh.headers[.init("X-Cache")!] == "miss")
            #expect(fresh.json["meta"]?["total"]?.int == 3)
            let cached = try await client.get("/api/v1/predictions?sport=nba", token: token)
            #expect(cached.headers[.init("X-Cache")!] == "hit")
            #expect(cached.json["meta"]?["total"]?.int == 3)
        }
    }
}
