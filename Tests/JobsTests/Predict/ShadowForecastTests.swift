import Foundation
import Logging
import ML
import Postgres
import Store
import Testing

@testable import Jobs

/// While its promotion request waits, a shadow model forecasts the champion's games in `predict` without publishing:
/// its forecasts go to `shadow_forecasts` only (never `predictions`, so never a pick, a report or the hash chain),
/// `settle` grades them, and the comparison with the champion on the same games is what the review reads.
@Suite struct ShadowForecastTests {
    static let start = PublicationTests.start
    static let version = PublicationTests.version
    /// When `predict` runs: three hours before the first game.
    static let runAt = start.addingTimeInterval(-3 * 3_600)

    /// `predict` of the NBA's next 12 hours at `runAt`.
    static func predict(_ store: Store) async throws -> PredictionRun {
        try await Predictor(store: store, now: { runAt }).run(sport: "nba", horizon: 12 * 3_600, logger: CollectTestSupport.logger)
    }

    /// A moneyline model of the NBA giving the home side `probability` whatever the features say, registered with
    /// `status`; its id.
    static func model(_ store: Store, version: Int, probability: Double) async throws -> Int {
        let design = LinearDesign(fitting: Dataset(columns: [[0, 1]], names: ["x"]))
        let model = GeneralizedLinearModel(
            family: .binomial, design: design, coefficients: [0], intercept: log(probability / (1 - probability)))
        let archive = try ModelArchive(model: .generalizedLinear(model), featureNames: ["x"], featureKinds: [.numerical]).encoded()
        return try await store.models.register(
            RegisteredModel(
                name: "nba_moneyline_meta", version: version, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: Self.version,
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start.addingTimeInterval(-86_400 * 2),
                artifact: Data(archive)))
    }

    /// Two games tonight with open moneyline markets as of `runAt`; their ids.
    static func games(_ store: Store) async throws -> [Int] {
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "shadow-home", name: "Shadow Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "shadow-away", name: "Shadow Away"))
        var ids: [Int] = []
        for index in 0..<2 {
            let game = try await store.games.upsert(
                Game(
                    sport: "nba", externalID: "shadow-\(index)", homeTeamID: home, awayTeamID: away,
                    scheduledAt: start.addingTimeInterval(Double(index) * 3_600)))
            try await PublicationTests.market(store, game: game, at: runAt, pinnacle: (2.10, 1.80), soft: (2.20, 1.72))
            ids.append(game)
        }
        return ids
    }

    @Test func theShadowForecastsTheChampionsGamesWithoutPublishingAndIsComparedOnSettledGames() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let games = try await Self.games(store)
        let champion = try await Self.model(store, version: 1, probability: 0.55)
        try await store.models.promote(id: champion)
        let shadow = try await Self.model(store, version: 2, probability: 0.70)
        try await store.promotionRequests.open(modelID: shadow, championID: champion, metrics: ["log_loss": 0.6], reason: "passes")

        let run = try await Self.predict(store)
        #expect(run.predictions == 2 && run.shadowForecasts == 2)
        let forecasts = try await store.shadowForecasts.forecasts(modelID: shadow)
        #expect(forecasts.map(\.gameID).sorted() == games)
        for forecast in forecasts {
            #expect(abs(forecast.probability - 0.70) < 1e-9 && abs((forecast.championProbability ?? 0) - 0.55) < 1e-9)
            #expect(forecast.championID == champion && forecast.result == nil)
        }
        // Nothing the shadow said was published: every prediction is the champion's.
        var published: [Prediction] = []
        for game in games { published += try await store.predictions.pending(gameID: game) }
        #expect(published.count == 2 && published.allSatisfy { $0.modelID == champion })
        let shadowRows: Int = try await store.query("SELECT count(*)::bigint AS n FROM predictions WHERE model_id = \(shadow)")
            .rows[0].decode("n")
        #expect(shadowRows == 0)
        // One forecast per game: a later run (which publishes the champion's game-day forecasts) stores no second one.
        #expect(try await Self.predict(store).shadowForecasts == 0)
        published = []
        for game in games { published += try await store.predictions.pending(gameID: game) }
        #expect(published.allSatisfy { $0.modelID == champion })

        // Home wins the first game and loses the second; settle grades the shadow's forecasts too.
        _ = try await store.query("UPDATE games SET status = 'final', home_score = 101, away_score = 99 WHERE id = \(games[0])")
        _ = try await store.query("UPDATE games SET status = 'final', home_score = 90, away_score = 99 WHERE id = \(games[1])")
        _ = try await PredictionSettler(store: store, now: { Self.start.addingTimeInterval(86_400) }).settle(
            SettlePredictions(sport: "nba"), jobID: "shadow-settle", logger: CollectTestSupport.logger)
        let graded = try await store.shadowForecasts.forecasts(modelID: shadow)
        #expect(Set(graded.map { "\($0.gameID):\($0.result?.rawValue ?? "-")" }) == ["\(games[0]):win", "\(games[1]):loss"])

        let comparison = try await store.shadowForecasts.comparison(modelID: shadow)
        #expect(comparison.forecasts == 2 && comparison.pairedShadow.count == 2 && comparison.pairedChampion.count == 2)
        let shadowLoss = -(log(0.70) + log(0.30)) / 2
        let championLoss = -(log(0.55) + log(0.45)) / 2
        #expect(abs((comparison.pairedShadow.logLoss ?? 0) - shadowLoss) < 1e-9)
        #expect(abs((comparison.pairedChampion.logLoss ?? 0) - championLoss) < 1e-9)
        #expect(abs((comparison.pairedShadow.brier ?? 0) - (0.09 + 0.49) / 2) < 1e-9)
        #expect(abs((comparison.logLossDifference ?? 0) - (shadowLoss - championLoss)) < 1e-9)
        // The performance reports read predictions only: the champion's publications, none of the shadow's forecasts.
        let quality = try await store.predictions.forecastQuality(
            sport: "nba", from: Self.start.addingTimeInterval(-86_400), to: Self.start.addingTimeInterval(86_400))
        #expect(quality.first { $0.key.sport == "nba" && $0.key.betType == .moneyline }?.value.count == published.count)
        await store.shutdown()
    }

    @Test func aBrokenShadowNeverStopsTheChampionPublishing() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let games = try await Self.games(store)
        let champion = try await Self.model(store, version: 1, probability: 0.55)
        try await store.models.promote(id: champion)
        // An artifact that does not decode.
        let broken = try await store.models.register(
            RegisteredModel(
                name: "nba_moneyline_meta", version: 2, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: Self.version,
                trainingStart: Self.start.addingTimeInterval(-86_400 * 365), trainingEnd: Self.start, artifact: Data([0])))
        try await store.promotionRequests.open(modelID: broken, championID: champion, metrics: [:], reason: "passes")
        let run = try await Self.predict(store)
        #expect(run.predictions == games.count && run.shadowForecasts == 0)
        #expect(try await store.shadowForecasts.forecasts(modelID: broken).isEmpty)
        await store.shutdown()
    }

    @Test func aShadowRunsEvenWithoutAChampionAndNothingIsPublished() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let games = try await Self.games(store)
        let shadow = try await Self.model(store, version: 1, probability: 0.62)
        try await store.promotionRequests.open(modelID: shadow, championID: nil, metrics: [:], reason: "the first model")
        let run = try await Self.predict(store)
        #expect(run.predictions == 0 && run.shadowForecasts == 2 && run.skipped == "no champion model yet")
        let forecasts = try await store.shadowForecasts.forecasts(modelID: shadow)
        #expect(forecasts.count == 2 && forecasts.allSatisfy { $0.championID == nil && $0.championProbability == nil })
        for game in games { #expect(try await store.predictions.pending(gameID: game).isEmpty) }
        await store.shutdown()
    }
}
