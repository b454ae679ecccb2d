import API
import Foundation
import HTTPTypes
import Store
import Testing

/// `GET /api/v1/games…`, `/odds` and `/player-props` over real HTTP on a real PostgreSQL.
struct GameEndpointTests {
    static let day = Date(timeIntervalSince1970: 1_772_323_200)  // 2026-03-01T00:00:00Z

    /// Three games: Boston v Miami (nba, day 0, final, with odds from two books), Boston v Denver (nba, day 1)
    /// and an mlb game (day 1). Returns their ids in that order.
    static func seed(_ store: Store) async throws -> [Int] {
        let boston = try await store.teams.upsert(
            Team(sport: "nba", externalID: "2", name: "Boston Celtics", abbreviation: "BOS",
                 venue: Venue(name: "TD Garden", latitude: 42.3662, longitude: -71.0621)))
        let miami = try await store.teams.upsert(Team(sport: "nba", externalID: "14", name: "Miami Heat", abbreviation: "MIA"))
        let denver = try await store.teams.upsert(Team(sport: "nba", externalID: "7", name: "Denver Nuggets", abbreviation: "DEN"))
        let yankees = try await store.teams.upsert(Team(sport: "mlb", externalID: "10", name: "New York Yankees", abbreviation: "NYY"))
        let mets = try await store.teams.upsert(Team(sport: "mlb", externalID: "21", name: "New York Mets", abbreviation: "NYM"))
        let final = try await store.games.upsert(
            Game(sport: "nba", externalID: "g1", season: 2026, homeTeamID: boston, awayTeamID: miami,
                 scheduledAt: day.addingTimeInterval(20 * 3600), status: .final, homeScore: 112, awayScore: 104))
        let upcoming = try await store.games.upsert(
            Game(sport: "nba", externalID: "g2", season: 2026, homeTeamID: boston, awayTeamID: denver,
                 scheduledAt: day.addingTimeInterval(86_400 + 20 * 3600)))
        let baseball = try await store.games.upsert(
            Game(sport: "mlb", externalID: "g3", season: 2026, homeTeamID: yankees, awayTeamID: mets,
                 scheduledAt: day.addingTimeInterval(86_400 + 17 * 3600)))
        var snapshots: [OddsSnapshot] = []
        for (hour, shift) in [(10.0, 0.0), (14.0, 0.05), (18.0, 0.1)] {
            for book in ["draftkings", "fanduel"] {
                let at = day.addingTimeInterval(hour * 3600)
                snapshots += [
                    OddsSnapshot(gameID: final, sport: "nba", bookmaker: book, market: "h2h", outcome: "home", price: 1.6 + shift, recordedAt: at),
                    OddsSnapshot(gameID: final, sport: "nba", bookmaker: book, market: "h2h", outcome: "away", price: 2.4 - shift, recordedAt: at),
                    OddsSnapshot(
                        gameID: final, sport: "nba", bookmaker: book, market: "totals", outcome: "over", price: 1.91, point: 221.5 + shift * 10,
                        recordedAt: at),
                ]
            }
        }
        try await store.odds.insert(snapshots)
        return [final, upcoming, baseball]
    }

    @Test func gamesListFiltersAndNamesTheTeams() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let all = try await client.get("/api/v1/games", token: token)
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.json["meta"]?["total"]?.int == 3)
            // Start order: the final game, then the mlb game (17:00), then the nba game (20:00) of day 1.
            #expect(all.data?.array?.compactMap { $0["id"]?.int } == [ids[0], ids[2], ids[1]])
            let first = try #require(all.data?[0])
            #expect(first["home_team"]?["name"]?.string == "Boston Celtics")
            #expect(first["home_team"]?["abbreviation"]?.string == "BOS")
            #expect(first["away_team"]?["name"]?.string == "Miami Heat")
            #expect(first["home_score"]?.int == 112 && first["away_score"]?.int == 104)
            #expect(first["status"]?.string == "final" && first["venue"]?.string == "TD Garden")
            #expect(first["odds"] == nil, "the list carries no odds")

            let checks: [(String, Int)] = [
                ("sport=nba", 2), ("sport=mlb", 1), ("sport=nhl", 0), ("status=final", 1), ("status=scheduled", 2),
                ("date=2026-03-01", 1), ("date=2026-03-02", 2), ("date_from=2026-03-02", 2), ("date_to=2026-03-01", 1),
                ("sport=nba&date=2026-03-02&status=scheduled", 1), ("limit=1&page=3", 3),
            ]
            for (query, total) in checks {
                let reply = try await client.get("/api/v1/games?\(query)", token: token)
                #expect(reply.status == .ok, "\(query)")
                #expect(reply.json["meta"]?["total"]?.int == total, "\(query) → \(reply.text.prefix(300))")
            }
            #expect(try await client.get("/api/v1/games?limit=1&page=3", token: token).data?[0]?["id"]?.int == ids[1])
            #expect(try await client.get("/api/v1/games?limit=1&page=4", token: token).data?.array?.isEmpty == true)
        }
    }

    @Test func oneGameShowsEachBooksLatestPricesAndTheHistoryPages() async throws {
        // The API's clock: the evening of the final game's day, after the last snapshot.
        let harness = try await APITestHarness.make { $0.now = { Self.day.addingTimeInterval(19 * 3600) } }
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let game = try await client.get("/api/v1/games/\(ids[0])", token: token)
            #expect(game.status == .ok, "\(game.text)")
            let odds = try #require(game.data?["odds"]?.array)
            #expect(odds.count == 6, "two books × three outcomes, latest only")
            let home = odds.filter { $0["market"]?.string == "h2h" && $0["outcome"]?.string == "home" }
            #expect(home.count == 2 && home.allSatisfy { abs(($0["price"]?.double ?? 0) - 1.7) < 1e-9 })
            #expect(odds.first { $0["market"]?.string == "totals" }?["point"]?.double == 222.5)

            let history = try await client.get("/api/v1/odds?game_id=\(ids[0])", token: token)
            #expect(history.status == .ok, "\(history.text)")
            #expect(history.json["meta"]?["total"]?.int == 18)
            let times = history.data?.array?.compactMap { $0["recorded_at"]?.string } ?? []
            #expect(times.count == 18 && times == times.sorted(by: >), "newest first")
            let filtered = try await client.get("/api/v1/odds?game_id=\(ids[0])&market=h2h&bookmaker=fanduel&limit=2", token: token)
            #expect(filtered.json["meta"]?["total"]?.int == 6)
            #expect(filtered.data?.array?.count == 2)
            #expect(filtered.data?.array?.allSatisfy { $0["bookmaker"]?.string == "fanduel" && $0["market"]?.string == "h2h" } == true)
            #expect(try await client.get("/api/v1/odds?game_id=\(ids[1])", token: token).json["meta"]?["total"]?.int == 0)
        }
    }

    @Test func theListWithOddsShowsEachGamesLatestPricesInOneCall() async throws {
        let harness = try await APITestHarness.make { $0.now = { Self.day.addingTimeInterval(19 * 3600) } }
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let board = try await client.get("/api/v1/games?sport=nba&with_odds=true", token: token)
            #expect(board.status == .ok, "\(board.text)")
            let games = try #require(board.data?.array)
            #expect(games.compactMap { $0["id"]?.int } == [ids[0], ids[1]])
            let one = try await client.get("/api/v1/games/\(ids[0])", token: token)
            #expect(games[0]["odds"] == one.data?["odds"], "the prices GET /games/{id} shows")
            #expect(games[0]["odds"]?.array?.count == 6)
            #expect(games[1]["odds"]?.array?.isEmpty == true, "a game without prices has none")
            #expect(try await client.get("/api/v1/games?with_odds=false", token: token).data?[0]?["odds"] == nil)
            let bad = try await client.get("/api/v1/games?with_odds=yes", token: token)
            #expect(bad.status == .badRequest)
            #expect(bad.json["error"]?["details"]?["field"]?.string == "with_odds", "\(bad.text)")
        }
    }

    @Test func badRequestsAreRefusedAndMissingGamesAre404() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        _ = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            for path in [
                "/api/v1/games?status=won", "/api/v1/games?sport=NBA", "/api/v1/games?date=2026-02-30", "/api/v1/games?limit=0",
                "/api/v1/games?date_from=2026-03-05&date_to=2026-03-01", "/api/v1/games/abc", "/api/v1/games/0", "/api/v1/odds",
                "/api/v1/odds?game_id=x", "/api/v1/odds?game_id=1&market=outrights", "/api/v1/odds?game_id=1&bookmaker=a%20b",
                "/api/v1/player-props?bet_type=spread", "/api/v1/player-props?tier=Z",
            ] {
                let reply = try await client.get(path, token: token)
                #expect(reply.status == .badRequest, "\(path) → \(reply.text)")
                #expect(reply.errorCode == "VALIDATION_FAILED", "\(path)")
            }
            for path in ["/api/v1/games/999999", "/api/v1/odds?game_id=999999"] {
                let reply = try await client.get(path, token: token)
                #expect(reply.status == .notFound, "\(path)")
                #expect(reply.errorCode == "GAME_NOT_FOUND")
            }
            for path in ["/api/v1/games", "/api/v1/games/1", "/api/v1/odds?game_id=1", "/api/v1/player-props"] {
                #expect(try await client.get(path).status == .unauthorized, "\(path)")
            }
        }
    }

    @Test func playerPropsListsOnlyPropPredictions() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        let model = try await harness.store.models.register(
            RegisteredModel(
                name: "mlb_batter_hits", version: 1, sport: "mlb", betType: .playerProp, publication: .gameDay, featureSetVersion: "batter_hits_v1",
                trainingStart: Self.day.addingTimeInterval(-86_400 * 30), trainingEnd: Self.day, artifact: Data([1])))
        // The 0.5 line is priced and anchored at weight 0 (the market's probability); the 1.5 line has no price.
        let anchored = [PropComponent.modelOver: 0.71, PropComponent.marketOver: 0.66, PropComponent.anchorWeight: 0]
        for (selection, line, p, betType, components) in [
            ("batter:592450:hits_over", 0.5, 0.66, BetType.playerProp, anchored), ("batter:592450:hits_over", 1.5, 0.24, .playerProp, [:]),
            ("home", nil, 0.55, .moneyline, [:]),
        ] {
            try await harness.store.predictions.insertHashed(
                Prediction(
                    gameID: ids[2], modelID: model, sport: "mlb", betType: betType, selection: selection, line: line, probability: p,
                    componentProbabilities: components, price: nil, edge: 0, tier: .d, stake: 0, predictionHash: ""))
        }
        try await harness.run(as: user) { client, token in
            let props = try await client.get("/api/v1/player-props", token: token)
            #expect(props.status == .ok, "\(props.text)")
            #expect(props.json["meta"]?["total"]?.int == 2)
            #expect(props.data?.array?.allSatisfy { $0["bet_type"]?.string == "player_prop" } == true)
            let sources = Dictionary(uniqueKeysWithValues: props.data?.array?.compactMap { prop in
                prop["line"]?.double.map { ($0, prop["probability_source"]?.string ?? "absent") }
            } ?? [])
            #expect(sources == [0.5: "market", 1.5: "model"], "a prop at anchor weight 0 shows the books' probability")
            let moneyline = try await client.get("/api/v1/predictions?bet_type=moneyline", token: token)
            #expect(moneyline.data?.array?.first?["probability_source"] == nil, "game markets carry no source")
            #expect(try await client.get("/api/v1/player-props?date=2026-03-02&sport=mlb", token: token).json["meta"]?["total"]?.int == 2)
            #expect(try await client.get("/api/v1/player-props?sport=nba", token: token).json["meta"]?["total"]?.int == 0)
            #expect(try await client.get("/api/v1/predictions?sport=mlb", token: token).json["meta"]?["total"]?.int == 3)
        }
    }
}
