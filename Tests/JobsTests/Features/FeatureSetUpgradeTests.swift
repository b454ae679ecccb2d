import Foundation
import Logging
import ML
import Postgres
import Sandbox
import Store
import Testing

@testable import Jobs

/// Upgrading the feature set (v3 → v4) under a serving champion: the featurizer keeps writing the champion's
/// version beside the current one, so its predictions continue until a successor on the new version is promoted.
/// A champion on a version this build no longer computes is the one that stops.
@Suite struct FeatureSetUpgradeTests {
    static let logger = Logger(label: "feature-upgrade-test")

    /// A moneyline champion on `version` whose forecast reads `team_elo_diff`, a feature of v3 and v4 alike.
    static func champion(_ store: Store, version: String, name: String) async throws {
        let design = LinearDesign(fitting: Dataset(columns: [[-100, 100]], names: ["team_elo_diff"]))
        let model = GeneralizedLinearModel(family: .binomial, design: design, coefficients: [0.002], intercept: 0.1)
        let archive = try ModelArchive(model: .generalizedLinear(model), featureNames: ["team_elo_diff"], featureKinds: [.numerical]).encoded()
        let id = try await store.models.register(
            RegisteredModel(
                name: name, version: 1, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: version,
                trainingStart: FeatureFixture.day("2025-10-01"), trainingEnd: FeatureFixture.day("2026-04-01"), artifact: Data(archive)))
        try #require(try await store.models.promote(id: id))
    }

    /// April 1–12 from the sandbox, seen from noon Eastern on April 10: later games not played yet, and each
    /// priced at two books a couple of minutes ago (the market open, when a pick is first published).
    static func world(_ store: Store) async throws -> (now: Date, upcoming: [Int]) {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["nba"], from: "2026-04-01", to: "2026-04-12")
        }
        let now = FeatureFixture.day("2026-04-10").addingTimeInterval(16 * 3600)
        _ = try await store.query(
            "UPDATE games SET status = 'scheduled', home_score = NULL, away_score = NULL WHERE scheduled_at > \(now)")
        let upcoming = try await store.games.games(sport: "nba", from: now, to: now.addingTimeInterval(Featurize.upcomingWindow))
            .compactMap(\.id)
        var snapshots: [OddsSnapshot] = []
        for game in upcoming {
            for (book, home, away) in [("pinnacle", 1.90, 1.95), ("soft", 1.87, 1.98)] {
                for (outcome, price) in [("home", home), ("away", away)] {
                    snapshots.append(
                        OddsSnapshot(
                            gameID: game, sport: "nba", bookmaker: book, market: "h2h", outcome: outcome, price: price,
                            recordedAt: now.addingTimeInterval(-120)))
                }
            }
        }
        _ = try await store.odds.insert(snapshots)
        return (now, upcoming)
    }

    @Test func aChampionOnThePreviousVersionKeepsPredicting() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (now, upcoming) = try await Self.world(store)
        try await Self.champion(store, version: "v3", name: "nba_moneyline_meta")

        let result = try await Featurizer(store: store, now: { now }).run(sport: "nba", Featurize(sport: "nba"), logger: Self.logger)
        #expect(result.gamesFeaturized > 0)
        #expect(!upcoming.isEmpty)
        let current = try await store.gameFeatures.featureSets(gameIDs: upcoming, featureSetVersion: FeatureCatalog.version, asOf: now)
        let previous = try await store.gameFeatures.featureSets(gameIDs: upcoming, featureSetVersion: "v3", asOf: now)
        #expect(current.count == upcoming.count && previous.count == upcoming.count)
        // Each version has its own definition: v3 has no schedule adjustment, and reads rest from finished games.
        #expect(previous.values.allSatisfy { $0.features["line_adjust_schedule"] == nil && $0.features["team_elo_diff"] != nil })
        #expect(current.values.allSatisfy { $0.features["line_adjust_schedule"] != nil })
        // Both computed from the same sources: as complete as each other.
        #expect(upcoming.allSatisfy { abs((previous[$0]?.completeness ?? 0) - (current[$0]?.completeness ?? 1)) < 0.05 })

        let run = try await Predictor(store: store, now: { now }).run(sport: "nba", horizon: Predict.defaultHorizonHours * 3_600, logger: Self.logger)
        // Every game has the champion's rows; the ones held back are those whose sources are thin that far ahead
        // (the completeness gate), as they would be for a champion on the current version.
        #expect(run.unpredictable == 0 && run.predictions > 0, "\(run)")
    }

    @Test func aChampionOnAVersionNoLongerComputedStops() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (now, upcoming) = try await Self.world(store)
        try await Self.champion(store, version: "v2", name: "nba_moneyline_meta")
        #expect(!FeatureCatalog.computable.contains("v2"))

        _ = try await Featurizer(store: store, now: { now }).run(sport: "nba", Featurize(sport: "nba"), logger: Self.logger)
        #expect(try await store.gameFeatures.featureSets(gameIDs: upcoming, featureSetVersion: "v2", asOf: now).isEmpty)
        let run = try await Predictor(store: store, now: { now }).run(sport: "nba", horizon: Predict.defaultHorizonHours * 3_600, logger: Self.logger)
        #expect(run.predictions == 0 && run.unpredictable > 0, "\(run)")
    }
}
