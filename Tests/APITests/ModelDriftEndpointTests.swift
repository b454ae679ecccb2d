import API
import Essentials
import Foundation
import HTTPTypes
import Store
import TestSupport
import Testing

/// `GET /api/v1/models/{id}/drift` over real HTTP on a real PostgreSQL: the model's training games against the games
/// after them, feature by feature; a feature whose values moved and one that stopped arriving are significant, one
/// whose distribution held is stable, one that arrived after training is unseen; only games after the training data
/// count as current.
struct ModelDriftEndpointTests {
    static let start = Date(timeIntervalSince1970: 1_772_323_200)
    static let day: TimeInterval = 86_400

    /// 600 games, six a day over the training window (the 100 days before `start`), and 400 after it, forty a day
    /// for ten days, each with a feature set an hour before kickoff. `steady` fills both windows alike (evenly over
    /// 0…1), `form` moves up by half its range after training, `injuries` stops arriving, `arrived` begins to.
    static func seed(_ store: Store) async throws -> Int {
        let model = try await store.models.register(
            RegisteredModel(
                name: "nba_moneyline_meta", version: 1, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: start.addingTimeInterval(-100 * day), trainingEnd: start,
                artifact: Data([1])))
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "drift-home", name: "Drift Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "drift-away", name: "Drift Away"))
        func game(_ index: Int, at scheduled: Date, features: [String: Double]) async throws {
            let id = try await store.games.upsert(
                Game(sport: "nba", externalID: "drift-\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: scheduled, status: .scheduled))
            try await store.gameFeatures.upsert(
                GameFeatureSet(gameID: id, featureSetVersion: "v1", asOf: scheduled.addingTimeInterval(-3_600), features: features, completeness: 1))
        }
        for i in 0..<600 {
            let value = (Double(i * 7 % 600) + 0.5) / 600
            try await game(i, at: start.addingTimeInterval(-100 * day + Double(i) * day / 6), features: ["steady": value, "form": value, "injuries": value])
        }
        for j in 0..<400 {
            let value = (Double(j * 7 % 400) + 0.5) / 400
            try await game(
                600 + j, at: start.addingTimeInterval(Double(j) * day / 40), features: ["steady": value, "form": value + 0.5, "arrived": value])
        }
        return model
    }

    @Test func featuresThatMovedOrStoppedArrivingAreSignificantAndTheRestStable() async throws {
        let harness = try await APITestHarness.make { $0.now = { Self.start.addingTimeInterval(9 * Self.day) } }
        let user = try await harness.user()
        let model = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let reply = try await client.get("/api/v1/models/\(model)/drift", token: token)
            #expect(reply.status == .ok, "\(reply.text)")
            let drift = try #require(reply.data)
            #expect(drift["reference"]?["games"]?.int == 600)
            #expect(drift["current"]?["games"]?.int == 400)
            #expect(drift["enough_games"]?.bool == true)
            #expect(drift["significant"]?.int == 2)
            #expect(drift["unseen"]?.int == 1)
            let features = try #require(drift["features"]?.array)
            #expect(features.compactMap { $0["name"]?.string }.suffix(1) == ["steady"], "largest first: \(reply.text)")
            func feature(_ name: String) -> JSONValue? { features.first { $0["name"]?.string == name } }
            #expect(feature("form")?["level"]?.string == "significant")
            #expect(abs((feature("form")?["current_mean"]?.double ?? 0) - (feature("form")?["reference_mean"]?.double ?? 0) - 0.5) < 0.01)
            #expect(feature("injuries")?["level"]?.string == "significant")
            #expect(feature("injuries")?["current_missing"]?.double == 1)
            #expect(feature("injuries")?["current_mean"] == nil)
            #expect(feature("steady")?["level"]?.string == "stable")
            #expect(feature("arrived")?["level"]?.string == "unseen" && feature("arrived")?["reference_missing"]?.double == 1)
            #expect((feature("steady")?["psi"]?.double ?? 1) < 0.01, "\(reply.text)")

            // One day back: the 80 games of the last day and the next, not enough to call it.
            let recent = try await client.get("/api/v1/models/\(model)/drift?days=1", token: token)
            #expect(recent.data?["current"]?["games"]?.int == 80, "\(recent.text)")
            #expect(recent.data?["enough_games"]?.bool == false)

            #expect(try await client.get("/api/v1/models/\(model)/drift?days=0", token: token).status == .badRequest)
            #expect(try await client.get("/api/v1/models/999999/drift", token: token).errorCode == "MODEL_NOT_FOUND")
            #expect(try await client.get("/api/v1/models/\(model)/drift").status == .unauthorized)
        }
    }

    @Test func aModelTrainedUpToNowHasNoCurrentGames() async throws {
        let harness = try await APITestHarness.make { $0.now = { Self.start.addingTimeInterval(-50 * Self.day) } }
        let user = try await harness.user()
        let model = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let reply = try await client.get("/api/v1/models/\(model)/drift", token: token)
            #expect(reply.data?["current"]?["games"]?.int == 0, "the training window is not current: \(reply.text)")
            #expect(reply.data?["features"]?.array?.isEmpty == true)
            #expect(reply.data?["significant"]?.int == 0)
        }
    }
}
