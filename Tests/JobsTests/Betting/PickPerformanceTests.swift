import Foundation
import Jobs
import Logging
import ML
import Postgres
import Store
import Testing

/// Accuracy, ROI and CLV are measured on picks; log loss, Brier and ECE on forecasts.
@Suite struct PickPerformanceTests {
    /// 2026-03-01T20:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_772_395_200)

    /// Four games a deployment from before picks predicted on both sides of the moneyline (as migration 15 leaves
    /// them: the larger-edge side of each is the pick). Graded on both sides, every game has one win and one loss,
    /// so accuracy over every row is 0.5 whatever the model; over the picks it is 3 of 4.
    @Test func accuracyIsOverPicksNotBothSides() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await SettleJobTests.model(store)
        // (winner, pick side, pick price, pick probability, home closing price)
        let games: [(winner: String, pick: String, price: Double, probability: Double, close: Double)] = [
            ("home", "home", 2.10, 0.56, 1.95),  // a win, the price shortened: CLV +7.7 %
            ("home", "home", 1.90, 0.60, 1.90),  // a win, no move: CLV 0
            ("away", "away", 2.40, 0.48, 1.60),  // a win
            ("away", "home", 1.80, 0.62, 1.85),  // a loss, the price drifted out: CLV −2.7 %
        ]
        var picks: [Int] = []
        for (index, game) in games.enumerated() {
            let id = try await SettleJobTests.game(store, "nba", "kpi\(index)", at: Self.start.addingTimeInterval(Double(index) * 600))
            let other = game.pick == "home" ? "away" : "home"
            picks.append(
                try await SettleJobTests.predict(
                    store, game: id, model: model, .moneyline, game.pick, line: nil, price: game.price, probability: game.probability,
                    tier: .b, stake: 0.02))
            // The other side, stored and (before picks) staked too: now a forecast only.
            _ = try await SettleJobTests.predict(
                store, game: id, model: model, .moneyline, other, line: nil, price: 1.5, probability: 1 - game.probability, tier: .d,
                stake: 0.01, pick: false)
            let closeOther = 1 / (1.05 - 1 / game.close)
            try await store.closingLines.upsert([
                ClosingLine(gameID: id, bookmaker: "book", market: "h2h", outcome: "home", price: game.close, capturedAt: Self.start),
                ClosingLine(gameID: id, bookmaker: "book", market: "h2h", outcome: "away", price: closeOther, capturedAt: Self.start),
            ])
            _ = try await store.games.updateResult(
                id: id, status: .final, homeScore: game.winner == "home" ? 5 : 3, awayScore: game.winner == "home" ? 3 : 5)
        }
        let settledAt = Self.start.addingTimeInterval(86_400)
        _ = try await PredictionSettler(store: store, now: { settledAt }).settle(
            SettlePredictions(), jobID: "kpi", logger: Logger(label: "kpi"))

        let everyRow = try #require(
            try await store.query(
                "SELECT (count(*) FILTER (WHERE result = 'win'))::float8 / count(*) AS rate FROM predictions WHERE status = 'settled'"
            ).first?.decode(Double.self, "rate"))
        #expect(everyRow == 0.5, "both sides of every game: one wins, one loses")

        let rows = try await store.predictions.performance(sport: "nba", from: Self.start.addingTimeInterval(-3_600), to: settledAt)
        let all = try #require(rows.first { $0.betType == nil && $0.tier == nil })
        #expect(all.settled == 4 && all.wins == 3 && all.losses == 1 && all.accuracy == 0.75)
        #expect(abs(all.staked - 0.08) < 1e-12, "only the picks' stakes")
        let profit = 0.02 * (1.10 + 0.90 + 1.40) - 0.02
        #expect(abs(all.profit - profit) < 1e-12 && abs((all.roi ?? 0) - profit / 0.08) < 1e-12)
        let clvs = [2.10 / 1.95 - 1, 0, 2.40 / (1 / (1.05 - 1 / 1.60)) - 1, 1.80 / 1.85 - 1]
        #expect(all.clvCount == 4 && abs((all.meanCLV ?? 0) - clvs.reduce(0, +) / 4) < 1e-12)
        let first = try #require(try await store.predictions.find(id: picks[0]))
        let last = try #require(try await store.predictions.find(id: picks[3]))
        #expect((first.clv ?? 0) > 0 && (last.clv ?? 0) < 0)

        // Forecasts: one per game (the pick's row), scored on the pick side's probability.
        #expect(all.forecasts == 4)
        let quality = ForecastQuality(probabilities: games.map(\.probability), outcomes: [true, true, true, false])
        for (measured, expected) in [(all.logLoss, quality.logLoss), (all.brier, quality.brier), (all.ece, quality.ece)] {
            #expect(abs((measured ?? .nan) - (expected ?? .nan)) < 1e-12)
        }
        #expect(rows.first { $0.tier == .b }?.settled == 4 && rows.first { $0.tier == .d } == nil)
        await store.shutdown()
    }

    @Test func forecastQualityIsPlainECEOverTenEqualBins() {
        // 0.15 twice (one win: rate 0.5) and 0.85 twice (two wins: rate 1.0): ECE = ½·0.35 + ½·0.15.
        let quality = ForecastQuality(probabilities: [0.15, 0.15, 0.85, 0.85], outcomes: [false, true, true, true])
        #expect(quality.count == 4)
        #expect(abs((quality.ece ?? 0) - 0.25) < 1e-12)
        #expect(abs((quality.brier ?? 0) - (0.15 * 0.15 + 0.85 * 0.85 + 2 * 0.15 * 0.15) / 4) < 1e-12)
        #expect(abs((quality.logLoss ?? 0) - -(log(0.85) + log(0.15) + 2 * log(0.85)) / 4) < 1e-12)
        // A probability of exactly 1 falls in the last bin; no forecasts, no scores.
        #expect(ForecastQuality(probabilities: [1, 1], outcomes: [true, true]).ece == 0)
        #expect(ForecastQuality(probabilities: [], outcomes: []).ece == nil)
    }

    @Test func anECEIsReadAgainstWhatCalibratedForecastsShowByChance() {
        // Eight forecasts of 0.5 in one bin: E|k − 4| / 8 for k ~ Binomial(8, ½) is (2·112 + 2·2·28 + 2·3·8 + 2·4·1) / 256 / 8.
        let coinFlips = ForecastQuality(probabilities: Array(repeating: 0.5, count: 8), outcomes: Array(repeating: true, count: 8))
        #expect(abs((coinFlips.eceIfCalibrated ?? 0) - 280.0 / 2_048) < 1e-12)
        // One forecast: E|y − p| = 2p(1 − p).
        #expect(abs((ForecastQuality(probabilities: [0.3], outcomes: [false]).eceIfCalibrated ?? 0) - 0.42) < 1e-12)
        #expect(ForecastQuality(probabilities: [], outcomes: []).eceIfCalibrated == nil)

        // Outcomes drawn from the forecasts themselves (perfect calibration): the mean ECE over many draws is the
        // figure, on a tiny sample and on a large one, and it shrinks as the sample grows.
        var random = SplitMix64(seed: 7)
        var figures: [Double] = []
        for size in [12, 3_000] {
            let probabilities = (0..<size).map { _ in Double.random(in: 0.3...0.75, using: &random) }
            var simulated = 0.0
            let draws = 400
            for _ in 0..<draws {
                let outcomes = probabilities.map { Double.random(in: 0..<1, using: &random) < $0 }
                simulated += ForecastQuality(probabilities: probabilities, outcomes: outcomes).ece ?? .nan
            }
            let figure = ForecastQuality(probabilities: probabilities, outcomes: probabilities.map { _ in true }).eceIfCalibrated ?? .nan
            #expect(abs(simulated / Double(draws) - figure) < 0.06 * figure, "size \(size): simulated \(simulated / Double(draws)) vs \(figure)")
            figures.append(figure)
        }
        #expect(figures[0] > 0.1 && figures[1] < 0.02)
    }
}
