import API
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// `GET /api/v1/predictions…` over real HTTP on a real PostgreSQL, with the Redis cache.
struct PredictionEndpointTests {
    static let day = Date(timeIntervalSince1970: 1_772_323_200)  // 2026-03-01T00:00:00Z

    /// Two games (nba on day 0, nfl on day 2) and four picks published at open, with genuine hashes; returns their ids.
    static func seed(_ store: Store) async throws -> [Int] {
        var ids: [Int] = []
        let model = try await store.models.register(RegisteredModel(
            name: "api_test", version: 1, sport: "nba", betType: .spread, publication: .gameDay, featureSetVersion: "v1",
            trainingStart: day.addingTimeInterval(-86_400 * 365), trainingEnd: day,
            // Its out-of-sample pick record: 120 picks at +1.1 % ± 0.4 against the fair close.
            metrics: [ModelPickRecord.Metric.withClose: 120, ModelPickRecord.Metric.fairCLV: 0.011, ModelPickRecord.Metric.fairCLVStandardError: 0.004],
            artifact: Data([1])))
        for (sport, offset) in [("nba", 0.0), ("nfl", 2.0)] {
            let home = try await store.teams.upsert(Team(sport: sport, externalID: "\(sport)-home", name: "Home"))
            let away = try await store.teams.upsert(Team(sport: sport, externalID: "\(sport)-away", name: "Away"))
            let game = try await store.games.upsert(Game(
                sport: sport, externalID: "\(sport)-g", homeTeamID: home, awayTeamID: away, scheduledAt: day.addingTimeInterval(86_400 * offset + 3600 * 20)))
            for (betType, tier, edge) in [(BetType.spread, SignalTier.a, 0.061), (.total, .c, 0.012)] {
                let prediction = Prediction(
                    gameID: game, modelID: model, sport: sport, betType: betType, selection: betType == .total ? "over" : "home",
                    line: betType == .total ? 221.5 : -3.5, probability: 0.5 + edge, componentProbabilities: ["gbm": 0.57, "glm": 0.55],
                    price: 1.91, edge: edge, tier: tier, stake: 0.01, pick: true, bookmaker: "book", publication: .open,
                    publishedAt: day.addingTimeInterval(86_400 * (offset - 1)), hashVersion: PredictionFingerprint.currentVersion,
                    predictionHash: "")
                ids.append(try #require(try await store.predictions.insertHashed(prediction)))
            }
        }
        return ids
    }

    /// A new nba moneyline prediction lands on the game and model of prediction `id` (written without invalidating the
    /// cache, as a writer does before it invalidates).
    static func land(besides id: Int, in store: Store) async throws {
        let row = try #require(try await store.query("SELECT game_id, model_id FROM predictions WHERE id = \(id)").first)
        let (game, model) = (try row.decode(Int.self, "game_id"), try row.decode(Int.self, "model_id"))
        try await store.predictions.insertHashed(
            Prediction(
                gameID: game, modelID: model, sport: "nba", betType: .moneyline, selection: "away", probability: 0.52,
                price: 2.1, edge: 0.04, tier: .b, stake: 0.005, predictionHash: ""))
    }

    @Test func listFiltersSortsAndPaginates() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        _ = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let all = try await client.get("/api/v1/predictions", token: token)
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.json["meta"]?["total"]?.int == 4)
            #expect(all.json["meta"]?["page"]?.int == 1)
            #expect(all.json["meta"]?["limit"]?.int == 20)
            // Each prediction shows the record of the model that made it.
            let record = all.json["data"]?[0]?["model_pick_record"]
            #expect(record?["picks"]?.int == 120 && record?["fair_clv"]?.double == 0.011)
            #expect(record?["fair_clv_standard_error"]?.double == 0.004 && record?["verdict"]?.string == "beat the close")
            #expect(record?["publishes_picks"]?.bool == true)

            let checks: [(String, Int)] = [
                ("sport=nba", 2), ("sport=nfl&tier=A", 1), ("tier=c", 2), ("bet_type=total", 2),
                ("date=2026-03-01", 2), ("date=2026-03-03", 2), ("date=2026-03-02", 0),
                ("date_from=2026-03-02", 2), ("date_to=2026-03-01", 2), ("date_from=2026-03-01&date_to=2026-03-03", 4),
                ("status=pending", 4), ("status=settled", 0), ("sport=mlb", 0), ("pick=true", 4), ("pick=false", 0),
            ]
            for (query, total) in checks {
                let reply = try await client.get("/api/v1/predictions?\(query)", token: token)
                #expect(reply.status == .ok, "\(query)")
                #expect(reply.json["meta"]?["total"]?.int == total, "\(query) → \(reply.text.prefix(300))")
            }
            let byEdge = try await client.get("/api/v1/predictions?sort=edge&order=asc&limit=3", token: token)
            let edges = byEdge.data?.array?.compactMap { $0["edge"]?.double } ?? []
            #expect(edges == edges.sorted())
            #expect(edges.count == 3)
            let page2 = try await client.get("/api/v1/predictions?sort=edge&order=asc&limit=3&page=2", token: token)
            #expect(page2.data?.array?.count == 1)
            #expect(page2.json["meta"]?["page"]?.int == 2)
            let first = try #require(all.data?[0])
            #expect(first["prediction_hash"]?.string?.count == 64)
            #expect(first["game_scheduled_at"]?.string != nil)
            #expect(first["component_probabilities"]?["gbm"]?.double == 0.57)
            #expect(first["pick"]?.bool == true && first["publication"]?.string == "open" && first["bookmaker"]?.string == "book")
            #expect(first["published_at"]?.string != nil && first["hash_version"]?.int == 2)
        }
    }

    @Test func badFiltersAndInjectionAttemptsAreRefused() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        _ = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            for query in [
                "page=0", "limit=1000", "limit=-1", "page=1.5", "sport=nba'%20OR%20'1'='1", "sport=nba;DROP%20TABLE%20predictions",
                "tier=E", "bet_type=parlay", "date=2026-02-30", "date=yesterday", "date_from=2026-03-05&date_to=2026-03-01",
                "date=2026-03-01&date_from=2026-03-01", "sort=password_hash", "sort=edge;DROP", "order=sideways", "status=won", "pick=yes",
            ] {
                let reply = try await client.get("/api/v1/predictions?\(query)", token: token)
                #expect(reply.status == .badRequest, "\(query) → \(reply.text)")
                #expect(reply.errorCode == "VALIDATION_FAILED", "\(query)")
            }
            #expect(try await client.get("/api/v1/predictions/abc", token: token).status == .badRequest)
            #expect(try await client.get("/api/v1/predictions/0", token: token).status == .badRequest)
            let missing = try await client.get("/api/v1/predictions/999999", token: token)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "PREDICTION_NOT_FOUND")
            #expect(missing.json["error"]?["details"]?["prediction_id"]?.int == 999_999)
            let count = try await harness.store.query("SELECT count(*) AS n FROM predictions").first?.decode(Int.self, "n")
            #expect(count == 4, "nothing changed")
        }
    }

    @Test func readsAreCachedAndInvalidatedWhenPredictionsLand() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let first = try await client.get("/api/v1/predictions?sport=nba", token: token)
            let second = try await client.get("/api/v1/predictions?sport=nba", token: token)
            #expect(first.headers[.init("X-Cache")!] == "miss")
            #expect(second.headers[.init("X-Cache")!] == "hit")
            #expect(first.text == second.text)
            #expect(try await client.get("/api/v1/predictions/\(ids[0])", token: token).headers[.init("X-Cache")!] == "miss")
            #expect(try await client.get("/api/v1/predictions/\(ids[0])", token: token).headers[.init("X-Cache")!] == "hit")

            // A new prediction lands; its writer invalidates, and the next read sees it.
            try await Self.land(besides: ids[0], in: harness.store)
            let stale = try await client.get("/api/v1/predictions?sport=nba", token: token)
            #expect(stale.json["meta"]?["total"]?.int == 2, "cached until invalidated")
            try await ReadCache.predictions(redis: harness.redis, namespace: harness.namespace).invalidate()
            let fresh = try await client.get("/api/v1/predictions?sport=nba", token: token)
            #expect(fresh.headers[.init("X-Cache")!] == "miss")
            #expect(fresh.json["meta"]?["total"]?.int == 3)
        }
    }

    @Test func verifyRecomputesTheHashAndCatchesTampering() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let genuine = try await client.get("/api/v1/predictions/\(ids[1])/verify", token: token)
            #expect(genuine.status == .ok, "\(genuine.text)")
            #expect(genuine.data?["matches"]?.bool == true)
            #expect(genuine.data?["stored_hash"]?.string == genuine.data?["computed_hash"]?.string)
            #expect(
                genuine.data?["canonical_content"]?.string?.hasPrefix(
                    #"{"bet_type":"total","bookmaker":"book","component_probabilities":{"gbm":0.57,"glm":0.55}"#) == true)
            #expect(genuine.data?["canonical_content"]?.string?.contains(#""pick":true"#) == true)
            #expect(genuine.data?["canonical_content"]?.string?.contains(#""publication":"open","published_at":"2026-02-28T00:00:00Z""#) == true)

            // The pick flag and the publication time are covered: changing either is caught.
            _ = try await harness.store.query("UPDATE predictions SET pick = false WHERE id = \(ids[0])")
            #expect(try await client.get("/api/v1/predictions/\(ids[0])/verify", token: token).data?["matches"]?.bool == false)
            _ = try await harness.store.query("UPDATE predictions SET published_at = published_at + interval '1 hour' WHERE id = \(ids[2])")
            #expect(try await client.get("/api/v1/predictions/\(ids[2])/verify", token: token).data?["matches"]?.bool == false)

            _ = try await harness.store.query("UPDATE predictions SET edge = 0.25 WHERE id = \(ids[1])")
            let tampered = try await client.get("/api/v1/predictions/\(ids[1])/verify", token: token)
            #expect(tampered.data?["matches"]?.bool == false)
            #expect(tampered.data?["stored_hash"]?.string != tampered.data?["computed_hash"]?.string)
            #expect(try await client.get("/api/v1/predictions/424242/verify", token: token).status == .notFound)
        }
    }

    @Test func verifyChecksTheSportsChainAndReportsTheFirstBreak() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let genuine = try #require(try await client.get("/api/v1/predictions/\(ids[1])/verify", token: token).data?["chain"])
            #expect(genuine["intact"]?.bool == true && genuine["sport"]?.string == "nba")
            #expect(genuine["position"]?.int == 2 && genuine["length"]?.int == 2 && genuine["verified_through"]?.int == 2)
            #expect(genuine["head"]?.string == genuine["link"]?.string && genuine["first_break"] == nil)

            // The first nba publication deleted: the second is still its own content, but the chain shows the gap.
            _ = try await harness.store.query("DELETE FROM predictions WHERE id = \(ids[0])")
            let verified = try await client.get("/api/v1/predictions/\(ids[1])/verify", token: token)
            #expect(verified.data?["matches"]?.bool == true)
            let chain = try #require(verified.data?["chain"])
            #expect(chain["intact"]?.bool == false && chain["verified_through"]?.int == 0)
            #expect(chain["first_break"]?["reason"]?.string == "position_missing")
            #expect(chain["first_break"]?["prediction_id"]?.int == ids[1] && chain["first_break"]?["position"]?.int == 2)
            // Another sport's chain is its own.
            #expect(try await client.get("/api/v1/predictions/\(ids[2])/verify", token: token).data?["chain"]?["intact"]?.bool == true)
        }
    }

    @Test func predictionsNeedAToken() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            for path in ["/api/v1/predictions", "/api/v1/predictions/1", "/api/v1/predictions/1/verify"] {
                let reply = try await client.get(path)
                #expect(reply.status == .unauthorized, "\(path)")
                #expect(reply.errorCode == "UNAUTHORIZED")
            }
        }
    }
}
