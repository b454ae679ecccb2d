import Foundation
import Store
import Testing

@testable import Jobs
import Postgres

/// The seed's rollback triggers on a real PostgreSQL: a champion whose settled picks fall more than five
/// points below its baseline, whose predictions fail more than 1 % of a run, or whose latency more than
/// doubles, is retired, the previous champion is reinstated, and both are logged.
@Suite struct ModelMonitorTests {
    static let start = Date(timeIntervalSince1970: 1_772_323_200)

    /// A former champion (retired) and the current one with a baseline accuracy of 0.60; their ids.
    static func champions(_ store: Store) async throws -> (previous: Int, current: Int) {
        func model(_ version: Int) -> RegisteredModel {
            RegisteredModel(
                name: "nba_moneyline_meta", version: version, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: FeatureCatalog.version,
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start, metrics: ["accuracy": 0.60],
                artifact: Data([UInt8(version)]))
        }
        let previous = try await store.models.register(model(1))
        try await store.models.promote(id: previous)
        let current = try await store.models.register(model(2))
        try await store.models.promote(id: current)
        return (previous, current)
    }

    /// `count` settled picks (probability above 0.5) of `modelID`, `wins` of them won.
    static func settledPicks(_ store: Store, modelID: Int, count: Int, wins: Int) async throws {
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "h", name: "Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "a", name: "Away"))
        for index in 0..<count {
            let game = try await store.games.upsert(
                Game(sport: "nba", externalID: "g\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: start.addingTimeInterval(Double(index) * 3600)))
            var prediction = Prediction(
                gameID: game, modelID: modelID, sport: "nba", betType: .moneyline, selection: "home", probability: 0.6, price: 1.9,
                edge: 0.07, tier: .a, stake: 0.01, predictionHash: "")
            prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
            let id = try #require(try await store.predictions.insert(prediction))
            _ = try await store.query(
                "UPDATE predictions SET status = 'settled', result = \(index < wins ? "win" : "loss"), settled_at = now() WHERE id = \(id)")
        }
    }

    @Test func accuracyBelowTheBaselineRollsBackAndReinstates() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (previous, current) = try await Self.champions(store)
        let monitor = ModelMonitor(store: store)
        // 50 picks at 0.56: within five points of 0.60, nothing happens.
        try await Self.settledPicks(store, modelID: current, count: 50, wins: 28)
        let summary = try #require(try await store.models.summary(id: current))
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 10, failures: 0), logger: CollectTestSupport.logger) == nil)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == current)

        // Sixty picks, 28 won: 0.467, more than five points below.
        _ = try await store.query("DELETE FROM predictions")
        try await Self.settledPicks(store, modelID: current, count: 60, wins: 28)
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 10, failures: 0), logger: CollectTestSupport.logger) == current)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == previous)
        #expect(try await store.models.find(id: current)?.status == .retired)
        let rolledBack = try await store.modelReports.events(modelID: current)
        #expect(rolledBack.contains { $0.kind == .rolledBack && $0.details["settled"] == 60 && $0.reason.contains("below the baseline") })
        #expect(try await store.modelReports.events(modelID: previous).contains { $0.kind == .reinstated })
        await store.shutdown()
    }

    @Test func failingPredictionsRollBackWithoutWaitingForResults() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (previous, current) = try await Self.champions(store)
        let monitor = ModelMonitor(store: store)
        let summary = try #require(try await store.models.summary(id: current))
        // 1 failure in 100 attempts is the limit, not above it; fewer than 20 attempts say nothing.
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 100, failures: 1), logger: CollectTestSupport.logger) == nil)
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 10, failures: 5), logger: CollectTestSupport.logger) == nil)
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 100, failures: 2), logger: CollectTestSupport.logger) == current)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == previous)
        let events = try await store.modelReports.events(modelID: current)
        #expect(events.contains { $0.kind == .rolledBack && $0.details["failures"] == 2 && $0.reason.hasPrefix("error rate") })
        await store.shutdown()
    }

    @Test func latencyMoreThanDoubledRollsBackAgainstTheFirstRunsBaseline() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (previous, current) = try await Self.champions(store)
        let monitor = ModelMonitor(store: store)
        var summary = try #require(try await store.models.summary(id: current))
        // Too few timings say nothing and set no baseline.
        #expect(try await monitor.check(champion: summary, health: ChampionRunHealth(attempts: 3, failures: 0, latencyMicroseconds: [9, 9, 9]), logger: CollectTestSupport.logger) == nil)
        #expect(try await store.models.summary(id: current)?.metrics[ModelMonitor.latencyBaselineKey] == nil)
        // The first run with enough timings sets the baseline: its median, 4 ms.
        let first = ChampionRunHealth(attempts: 5, failures: 0, latencyMicroseconds: [3_800, 4_000, 4_100, 3_900, 40_000])
        #expect(first.medianLatency == 4_000)
        #expect(try await monitor.check(champion: summary, health: first, logger: CollectTestSupport.logger) == nil)
        summary = try #require(try await store.models.summary(id: current))
        #expect(summary.metrics[ModelMonitor.latencyBaselineKey] == 4_000)
        // Twice as slow is the limit; a later run's own median never moves the baseline.
        let double = ChampionRunHealth(attempts: 5, failures: 0, latencyMicroseconds: Array(repeating: 8_000, count: 5))
        #expect(try await monitor.check(champion: summary, health: double, logger: CollectTestSupport.logger) == nil)
        #expect(try await store.models.summary(id: current)?.metrics[ModelMonitor.latencyBaselineKey] == 4_000)
        let slower = ChampionRunHealth(attempts: 6, failures: 0, latencyMicroseconds: [8_500, 9_000, 9_500, 10_000, 3_000, 20_000])
        #expect(try await monitor.check(champion: summary, health: slower, logger: CollectTestSupport.logger) == current)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == previous)
        let events = try await store.modelReports.events(modelID: current)
        #expect(events.contains { $0.kind == .rolledBack && $0.details["latency_us"] == 9_250 && $0.details["baseline_us"] == 4_000 })
        await store.shutdown()
    }

    @Test func microsecondsThatDoubleAreNoSlowdown() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (_, current) = try await Self.champions(store)
        let monitor = ModelMonitor(store: store)
        try await store.models.recordMetric(id: current, name: ModelMonitor.latencyBaselineKey, value: 17.4)
        let summary = try #require(try await store.models.summary(id: current))
        // What rolled back a first dev run's NHL champion: 2.6× as slow, by 27.5 µs a prediction.
        let noisy = ChampionRunHealth(attempts: 5, failures: 0, latencyMicroseconds: Array(repeating: 44.9, count: 5))
        #expect(try await monitor.check(champion: summary, health: noisy, logger: CollectTestSupport.logger) == nil)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == current)
        await store.shutdown()
    }
}
