import API
import Foundation
import HTTPTypes
import Store
import Testing

/// The seed's cache layers (3.9) over real Redis and PostgreSQL: odds and game info served from the cache until a
/// collection's invalidation, then fresh at once; sessions ended by logout; hits and misses in `/metrics`.
struct CacheEndpointTests {
    /// The value of `aips_cache_requests_total{cache=cache,result=result}` in the `/metrics` text (0 if absent).
    static func count(_ metrics: String, cache: String, result: String) -> Double {
        MetricsText.value(metrics, "aips_cache_requests_total", ["cache": cache, "result": result]) ?? 0
    }

    @Test func newOddsAreServedAtOnceAfterTheCollectionInvalidates() async throws {
        let harness = try await APITestHarness.make { $0.now = { GameEndpointTests.day.addingTimeInterval(22 * 3600) } }
        let user = try await harness.user()
        let ids = try await GameEndpointTests.seed(harness.store)
        let game = ids[0]
        try await harness.run(as: user) { client, token in
            #expect(try await client.get("/api/v1/odds?game_id=\(game)", token: token).json["meta"]?["total"]?.int == 18)
            let shown = try await client.get("/api/v1/games/\(game)", token: token)
            #expect(shown.data?["odds"]?.array?.count == 6)

            // A collection stores a new price; until it invalidates, the cached reads stand.
            let at = GameEndpointTests.day.addingTimeInterval(21 * 3600)
            try await harness.store.odds.insert([
                OddsSnapshot(gameID: game, sport: "nba", bookmaker: "betmgm", market: "h2h", outcome: "home", price: 1.55, recordedAt: at)
            ])
            #expect(try await client.get("/api/v1/odds?game_id=\(game)", token: token).json["meta"]?["total"]?.int == 18)
            #expect(try await client.get("/api/v1/games/\(game)", token: token).data?["odds"]?.array?.count == 6)

            // What `collect.odds` does after its transaction commits (JobCatalog's `oddsChanged`): the games it wrote.
            let oddsCache = ReadCache.odds(redis: harness.redis, namespace: harness.namespace)
            try await oddsCache.invalidate([.game(game), .sport("nba")])
            #expect(try await client.get("/api/v1/odds?game_id=\(game)", token: token).json["meta"]?["total"]?.int == 19)
            let fresh = try await client.get("/api/v1/games/\(game)", token: token)
            #expect(fresh.data?["odds"]?.array?.count == 7)
            #expect(fresh.data?["odds"]?.array?.contains { $0["bookmaker"]?.string == "betmgm" } == true)

            // A collection that wrote another game's odds, or another sport's, leaves these entries cached.
            try await harness.store.odds.insert([
                OddsSnapshot(gameID: game, sport: "nba", bookmaker: "caesars", market: "h2h", outcome: "home", price: 1.5, recordedAt: at)
            ])
            try await oddsCache.invalidate([.game(ids[1]), .sport("nba")])
            try await oddsCache.invalidate([.sport("mlb")])
            #expect(try await client.get("/api/v1/odds?game_id=\(game)", token: token).json["meta"]?["total"]?.int == 19)

            // A redelivered collection does not know its games: every game's entries go stale.
            try await oddsCache.invalidate([.everyGame, .sport("nba")])
            #expect(try await client.get("/api/v1/odds?game_id=\(game)", token: token).json["meta"]?["total"]?.int == 20)

            let metrics = try await client.get("/metrics").text
            // History: miss, hit, miss (new generation), hit, miss (every game); latest prices: miss, hit, miss.
            #expect(Self.count(metrics, cache: "odds", result: "hit") == 3, "\(metrics)")
            #expect(Self.count(metrics, cache: "odds", result: "miss") == 5)
        }
    }

    @Test func anUpdatedGameIsServedAtOnceAfterTheCollectionInvalidates() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await GameEndpointTests.seed(harness.store)
        let upcoming = try #require(try await harness.store.games.find(id: ids[1]))
        try await harness.run(as: user) { client, token in
            #expect(try await client.get("/api/v1/games/\(ids[1])", token: token).data?["status"]?.string == "scheduled")
            #expect(try await client.get("/api/v1/games?sport=nba&status=final", token: token).json["meta"]?["total"]?.int == 1)
            #expect(try await client.get("/api/v1/games?status=final", token: token).json["meta"]?["total"]?.int == 1)

            var played = upcoming
            played.status = .final
            played.homeScore = 120
            played.awayScore = 101
            try await harness.store.games.upsert(played)
            #expect(try await client.get("/api/v1/games/\(ids[1])", token: token).data?["status"]?.string == "scheduled", "cached")

            #expect(try await client.get("/api/v1/games/\(ids[0])", token: token).status == .ok)
            // What `collect.games` does after its transaction commits (JobCatalog's `gamesChanged`): the games it wrote.
            try await ReadCache.games(redis: harness.redis, namespace: harness.namespace).invalidate([.game(ids[1]), .sport("nba")])
            let game = try await client.get("/api/v1/games/\(ids[1])", token: token)
            #expect(game.data?["status"]?.string == "final")
            #expect(game.data?["home_score"]?.int == 120)
            #expect(try await client.get("/api/v1/games?sport=nba&status=final", token: token).json["meta"]?["total"]?.int == 2)
            #expect(try await client.get("/api/v1/games?status=final", token: token).json["meta"]?["total"]?.int == 2)
            // The game the collection did not write is still served from the cache.
            #expect(try await client.get("/api/v1/games/\(ids[0])", token: token).status == .ok)

            let metrics = try await client.get("/metrics").text
            // Game 1: miss, hit, miss; game 0: miss, hit; each list: miss, miss.
            #expect(Self.count(metrics, cache: "games", result: "hit") == 2)
            #expect(Self.count(metrics, cache: "games", result: "miss") == 7)
        }
    }

    @Test func predictionReadsCountTheirHitsAndMisses() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await PredictionEndpointTests.seed(harness.store)
        try await harness.run(as: user) { client, token in
            var answers: [String] = []
            for path in ["/api/v1/predictions", "/api/v1/predictions", "/api/v1/predictions/\(ids[0])", "/api/v1/predictions/\(ids[0])"] {
                answers.append(try await client.get(path, token: token).headers[.init("X-Cache")!] ?? "")
            }
            #expect(answers == ["miss", "hit", "miss", "hit"])
            let metrics = try await client.get("/metrics").text
            #expect(Self.count(metrics, cache: "predictions", result: "hit") == 2)
            #expect(Self.count(metrics, cache: "predictions", result: "miss") == 2)
        }
    }

    @Test func sessionChecksAreCountedAndLogoutEndsTheSession() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let (access, _) = try await client.login(user)
            #expect(try await client.get("/api/v1/games", token: access).status == .ok)
            #expect(try await client.post("/api/v1/auth/logout", token: access, json: "{}").status == .ok)
            #expect(try await client.get("/api/v1/games", token: access).status == .unauthorized)
            let metrics = try await client.get("/metrics").text
            // The games request and the logout found the session; the request after logout did not.
            #expect(Self.count(metrics, cache: "sessions", result: "hit") == 2)
            #expect(Self.count(metrics, cache: "sessions", result: "miss") == 1)
        }
    }
}
