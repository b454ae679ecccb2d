import Foundation
import Postgres
import Store
import Testing

/// Migration 15 on a deployment that stored both sides of every market, and the immutability of publications.
@Suite struct PicksMigrationTests {
    @Test func bothSidesRowsBecomeOnePickAndAForecastWithTheirHashesIntact() async throws {
        let (pool, migrator, store) = try await Fixtures.migrated(upTo: 14)
        // Games in the schema of version 14 (the repository writes columns later migrations add).
        func insertGame(_ externalID: String) async throws -> Int {
            var teams: [Int] = []
            for side in ["home", "away"] {
                let row = try #require(
                    try await pool.query(
                        "INSERT INTO teams (sport, external_id, name) VALUES ('nba', \(externalID + "-" + side), \(side)) RETURNING id"
                    ).first)
                teams.append(try row.decode(Int.self, "id"))
            }
            let row = try #require(
                try await pool.query(
                    """
                    INSERT INTO games (sport, external_id, home_team_id, away_team_id, scheduled_at)
                    VALUES ('nba', \(externalID), \(teams[0]), \(teams[1]), \(Fixtures.start)) RETURNING id
                    """
                ).first)
            return try row.decode(Int.self, "id")
        }
        let game = try await insertGame("g1")
        let thin = try await insertGame("g2")
        let model = try await Fixtures.legacyModel(in: pool)
        // Before picks: both sides of each game's spread, each staked. Game 1: home has the larger edge (tier B);
        // game 2: neither side reaches tier C.
        var hashes: [Int: String] = [:]
        for (gameID, selection, probability, edge, tier, stake, status) in [
            (game, "home", 0.58, 0.056, "B", 0.012, "settled"), (game, "away", 0.42, -0.104, "D", 0.0, "settled"),
            (thin, "home", 0.51, 0.004, "D", 0.001, "pending"), (thin, "away", 0.49, -0.03, "D", 0.0, "pending"),
        ] {
            let hash = String(repeating: selection == "home" ? "a" : "b", count: 63) + String(gameID % 10)
            let settled = status == "settled"
            let result: String? = settled ? (selection == "home" ? "win" : "loss") : nil
            let profit: Double? = settled ? 0.01 : nil
            let clv: Double? = settled ? 0.02 : nil
            let row = try #require(
                try await pool.query(
                    """
                    INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, line, probability, price, edge, tier, stake,
                                             prediction_hash, status, result, profit, clv)
                    VALUES (\(gameID), \(model), 'nba', 'spread', \(selection), -3.5, \(probability), 1.91, \(edge), \(tier), \(stake),
                            \(hash), \(status), \(result), \(profit), \(clv))
                    RETURNING id
                    """
                ).first)
            hashes[try row.decode(Int.self, "id")] = hash
        }
        try await migrator.up()

        let rows = try await store.query("SELECT id FROM predictions ORDER BY id").map { try $0.decode(Int.self, "id") }
        var migrated: [Prediction] = []
        for id in rows { migrated.append(try #require(try await store.predictions.find(id: id))) }
        #expect(migrated.map(\.pick) == [true, false, false, false])
        #expect(migrated.allSatisfy { $0.hashVersion == 1 && $0.publication == .open && $0.publishedAt == $0.createdAt })
        #expect(migrated.allSatisfy { hashes[$0.id!] == $0.predictionHash })
        // The losing side that was not a pick keeps its result (the forecast's outcome) but no profit or CLV.
        #expect(migrated[1].result == .loss && migrated[1].profit == 0 && migrated[1].clv == nil)
        #expect(migrated[0].profit == 0.01 && migrated[0].clv == 0.02)
        await store.shutdown()
        await pool.shutdown()
    }

    @Test func aPublicationIsStoredOnceAndNeverRewritten() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let model = try await Fixtures.model(in: store)
        func publication(_ kind: PredictionPublication, price: Double) -> Prediction {
            var prediction = Prediction(
                gameID: game, modelID: model, sport: "nba", betType: .spread, selection: "home", line: -3.5, probability: 0.58,
                price: price, edge: 0.58 - 1 / price, tier: .b, stake: 0.01, pick: true, bookmaker: "book", publication: kind,
                publishedAt: Fixtures.start, hashVersion: PredictionFingerprint.currentVersion, predictionHash: "")
            prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
            return prediction
        }
        let open = try #require(try await store.predictions.insert(publication(.open, price: 1.91)))
        #expect(try await store.predictions.insert(publication(.open, price: 1.91)) == open, "the same row again: its id")
        #expect(try await store.predictions.insert(publication(.open, price: 2.05)) == nil, "another open row: refused")
        let gameDay = try #require(try await store.predictions.insert(publication(.gameDay, price: 2.05)))
        #expect(gameDay != open)
        #expect(try await store.predictions.find(id: open)?.price == 1.91)
        #expect(try await store.predictions.publications(gameIDs: [game], betType: .spread) == [game: [.open, .gameDay]])
        await store.shutdown()
    }
}
