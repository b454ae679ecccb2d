import API
import Essentials
import Foundation
import HTTPTypes
import Store
import Testing

/// A player prop names its player by id in its selection; the predictions and the alerts over real HTTP on a real
/// PostgreSQL also show his name, from where the platform learnt it: Statcast's batter search for a batter (the newest
/// name), the box scores for an NBA player. Other bets, and a player no row names, show none.
struct PropPlayerNameEndpointTests {
    @Test func propsShowTheirPlayersName() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let store = harness.store
        let day = Date(timeIntervalSince1970: 1_780_000_000)
        let model = try await store.models.register(
            RegisteredModel(
                name: "props_test", version: 1, sport: "mlb", betType: .playerProp, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: day.addingTimeInterval(-86_400 * 30), trainingEnd: day, artifact: Data([1])))
        let home = try await store.teams.upsert(Team(sport: "mlb", externalID: "names-home", name: "Home"))
        let away = try await store.teams.upsert(Team(sport: "mlb", externalID: "names-away", name: "Away"))
        let game = try await store.games.upsert(
            Game(sport: "mlb", externalID: "names-g", homeTeamID: home, awayTeamID: away, scheduledAt: day.addingTimeInterval(86_400)))
        // Two Statcast days name the batter; the newer name is the one shown.
        for (offset, name) in [(-2.0, "Judge, Aaron"), (-1.0, "Aaron Judge")] {
            _ = try await store.statcast.upsert([
                StatcastPitch(
                    gamePK: 700_000 + Int(-offset), gameDate: day.addingTimeInterval(86_400 * offset), atBatNumber: 1, pitchNumber: 1,
                    batterID: 592_450, pitcherID: 1, description: "ball", batterName: name)
            ])
        }
        _ = try await store.playerPoints.insert([
            PlayerGamePoints(
                gameID: game, scheduledAt: day, playerID: 3_112_335, playerName: "Jayson Tatum", teamID: home, didNotPlay: false,
                minutes: 36, points: 30)
        ])
        // A rule for every pick, made before them.
        let userID = try #require(UUID(uuidString: user.id))
        _ = try await store.alerts.add(AlertRule(userID: userID, sport: nil, betType: nil, minimumTier: .d))
        var made: [String: Int] = [:]
        for (key, betType, selection) in [
            ("batter", BetType.playerProp, "batter:592450:hits_over"), ("player", .playerProp, "player:3112335:points_under"),
            ("unknown", .playerProp, "batter:42:hits_over"), ("moneyline", .moneyline, "home"),
        ] {
            made[key] = try await store.predictions.insertHashed(
                Prediction(
                    gameID: game, modelID: model, sport: "mlb", betType: betType, selection: selection, line: 0.5, probability: 0.6,
                    price: 2.0, edge: 0.1, tier: .a, stake: 0.01, pick: true, bookmaker: "book", predictionHash: ""))
        }
        let ids = made
        #expect(try await store.alerts.raiseForNewPicks() == 4)

        try await harness.run(as: user) { client, token in
            let listed = try await client.get("/api/v1/predictions?sport=mlb&limit=10", token: token)
            #expect(listed.status == .ok, "\(listed.text)")
            let rows = try #require(listed.data?.array)
            func name(_ key: String, in rows: [JSONValue]) -> JSONValue? {
                rows.first { $0["id"]?.int == ids[key] }?["player_name"]
            }
            #expect(name("batter", in: rows)?.string == "Aaron Judge", "\(listed.text)")
            #expect(name("player", in: rows)?.string == "Jayson Tatum")
            #expect(name("unknown", in: rows) == nil && name("moneyline", in: rows) == nil)
            let one = try await client.get("/api/v1/predictions/\(try #require(ids["player"]))", token: token)
            #expect(one.data?["player_name"]?.string == "Jayson Tatum", "\(one.text)")

            let inbox = try await client.get("/api/v1/alerts", token: token)
            let alerts = try #require(inbox.data?.array)
            func alerted(_ key: String) -> JSONValue? { alerts.first { $0["pick"]?["prediction_id"]?.int == ids[key] }?["pick"] }
            #expect(alerted("batter")?["player_name"]?.string == "Aaron Judge", "\(inbox.text)")
            #expect(alerted("player")?["player_name"]?.string == "Jayson Tatum")
            #expect(alerted("moneyline")?["player_name"] == nil && alerted("moneyline") != nil)
        }
    }
}
