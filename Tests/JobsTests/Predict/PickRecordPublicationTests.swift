import Foundation
import Store
import Testing

@testable import Jobs

/// A champion publishes picks only while its out-of-sample picks beat the fair close beyond noise (`PickRecord`); its
/// forecasts are published either way.
@Suite struct PickRecordPublicationTests {
    /// The market of `PublicationTests`' open: home 2.20 at the soft book is 9.5 points of edge for 55 %, a tier-A pick
    /// for a champion whose record allows it. Returns the run and the row it stored.
    private static func publishAtTheOpen(record: [String: Double], key: String) async throws -> (PredictionRun, Prediction) {
        let store = try await CollectTestSupport.migratedStore()
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "\(key)-home", name: "Record Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "\(key)-away", name: "Record Away"))
        let game = try await store.games.upsert(
            Game(sport: "nba", externalID: key, homeTeamID: home, awayTeamID: away, scheduledAt: PublicationTests.start))
        _ = try await PublicationTests.champion(store, probability: 0.55, metrics: record)
        let at = PublicationTests.start.addingTimeInterval(-25 * 3_600)
        try await PublicationTests.market(store, game: game, at: at, pinnacle: (2.10, 1.80), soft: (2.20, 1.72))
        let run = try await Predictor(store: store, now: { at }).run(
            sport: "nba", horizon: Predict.defaultHorizonHours * 3_600, logger: PublicationTests.logger)
        let row = try #require(try await store.predictions.pending(gameID: game).first)
        await store.shutdown()
        return (run, row)
    }

    /// A record of 130 picks, 120 with a fair close at `fairCLV` ± `standardError`, and 2.3 points more against the
    /// closing prices (the margin).
    private static func record(fairCLV: Double, standardError: Double) -> [String: Double] {
        [
            PickRecord.Metric.picks: 130, PickRecord.Metric.withClose: 120, PickRecord.Metric.fairCLV: fairCLV,
            PickRecord.Metric.fairCLVStandardError: standardError, PickRecord.Metric.clv: fairCLV + 0.023,
        ]
    }

    @Test func aChampionWhosePicksLostToTheClosePublishesItsForecastWithoutAPick() async throws {
        let (run, row) = try await Self.publishAtTheOpen(
            record: Self.record(fairCLV: -0.004, standardError: 0.001),
            key: "record-lost")
        #expect(run.predictions == 1 && run.picks == 0 && run.picksWithheld == 1)
        #expect(!row.pick && row.stake == 0 && row.probability == 0.55 && row.selection == "home")
    }

    @Test func aChampionWhosePicksBeatTheClosePublishesThePick() async throws {
        let (run, row) = try await Self.publishAtTheOpen(
            record: Self.record(fairCLV: 0.012, standardError: 0.004),
            key: "record-beat")
        #expect(run.predictions == 1 && run.picks == 1 && run.picksWithheld == 0)
        #expect(row.pick && row.tier == .a && row.price == 2.20 && row.stake > 0)
    }

    @Test func aChampionWhosePicksAreWithinNoiseOfTheClosePublishesItsForecastWithoutAPick() async throws {
        let (run, row) = try await Self.publishAtTheOpen(
            record: Self.record(fairCLV: 0.006, standardError: 0.004),
            key: "record-noise")
        #expect(run.predictions == 1 && run.picks == 0 && run.picksWithheld == 1)
        #expect(!row.pick && row.stake == 0 && row.probability == 0.55)
    }
}
