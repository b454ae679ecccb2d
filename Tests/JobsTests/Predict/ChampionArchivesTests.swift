import Foundation
import ML
import MetricsTestKit
import Store
import Synchronization
import Testing

@testable import Jobs

/// The in-memory model-artifact cache (seed 3.9): a champion's archive is read once, again after a day, and at once
/// for a newly promoted champion.
@Suite struct ChampionArchivesTests {
    /// A moneyline model answering `probability`, registered (not promoted).
    static func register(_ store: Store, version: Int, probability: Double) async throws -> Int {
        let design = LinearDesign(fitting: Dataset(columns: [[0, 1]], names: ["x"]))
        let model = GeneralizedLinearModel(
            family: .binomial, design: design, coefficients: [0], intercept: log(probability / (1 - probability)))
        let archive = try ModelArchive(model: .generalizedLinear(model), featureNames: ["x"], featureKinds: [.numerical]).encoded()
        let start = Date(timeIntervalSince1970: 1_772_409_600)
        return try await store.models.register(
            RegisteredModel(
                name: "nba_moneyline_meta", version: version, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: "archives-test",
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start, artifact: Data(archive)))
    }

    static func champion(_ store: Store) async throws -> ModelSummary {
        try #require(try await store.models.summaries(sport: "nba", betType: .moneyline, status: .champion, limit: 1, offset: 0).models.first)
    }

    /// The archive's answer for one row, to tell two champions apart.
    static func answer(_ archive: ModelArchive?) throws -> Double {
        guard case .generalizedLinear(let model) = try #require(archive).model else { throw ArchiveMismatch() }
        return model.intercept
    }

    struct ArchiveMismatch: Error {}

    @Test func archiveIsReadOncePerDayAndAgainAfterPromotion() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let metrics = TestMetrics()
        let elapsed = Mutex(Duration.zero)
        let origin = ContinuousClock.now
        let archives = ChampionArchives(now: { origin + elapsed.withLock { $0 } }, metrics: metrics)
        func count(_ result: String) throws -> Int64 {
            try metrics.expectCounter("aips_cache_requests_total", [("cache", "model_artifacts"), ("result", result)]).totalValue
        }

        let first = try await Self.register(store, version: 1, probability: 0.6)
        try #require(try await store.models.promote(id: first))
        let firstIntercept = try Self.answer(try await archives.archive(of: try await Self.champion(store), in: store))
        #expect(try count("miss") == 1)
        _ = try await archives.archive(of: try await Self.champion(store), in: store)
        #expect(try count("hit") == 1)

        // A day later the same champion is read again.
        elapsed.withLock { $0 = .seconds(86_400) }
        _ = try await archives.archive(of: try await Self.champion(store), in: store)
        #expect(try count("miss") == 2)
        #expect(try count("hit") == 1)

        // A promotion is seen on the next lookup, not after the day.
        let second = try await Self.register(store, version: 2, probability: 0.7)
        try #require(try await store.models.promote(id: second))
        let promoted = try Self.answer(try await archives.archive(of: try await Self.champion(store), in: store))
        #expect(try count("miss") == 3)
        #expect(promoted != firstIntercept)
        #expect(abs(promoted - log(0.7 / 0.3)) < 1e-9)
        // The retired champion's archive is let go: one per market, however many promotions.
        #expect(archives.count == 1)
        await store.shutdown()
    }
}
