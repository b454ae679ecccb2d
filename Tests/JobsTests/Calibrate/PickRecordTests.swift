import Foundation
import Store
import Testing

@testable import Jobs

/// The out-of-sample pick record: the calibrator's backtest makes predict's one pick per market and measures it against
/// the closing consensus; the record's figures and the rule that withholds picks.
@Suite struct PickRecordTests {
    static let start = Date(timeIntervalSince1970: 1_772_409_600)

    private static func snapshot(game: Int, book: String, outcome: String, price: Double, at: Date) -> OddsSnapshot {
        OddsSnapshot(gameID: game, sport: "nba", bookmaker: book, market: "h2h", outcome: outcome, price: price, recordedAt: at)
    }

    /// Three games: the first priced at the open and closed at three books, the second priced but never closed, the
    /// third never priced.
    private static func backtest(probabilities: [Double], labels: [Double]) -> EvaluationReport.Backtest {
        let rows = (1...3).map { game in
            TrainingExample(gameID: game, scheduledAt: start, asOf: start.addingTimeInterval(-86_000), features: [:], label: labels[game - 1])
        }
        let open = start.addingTimeInterval(-86_100)
        let odds: [Int: [OddsSnapshot]] = [
            1: [snapshot(game: 1, book: "a", outcome: "home", price: 2.20, at: open), snapshot(game: 1, book: "a", outcome: "away", price: 1.72, at: open),
                snapshot(game: 1, book: "b", outcome: "home", price: 2.10, at: open), snapshot(game: 1, book: "b", outcome: "away", price: 1.80, at: open)],
            2: [snapshot(game: 2, book: "a", outcome: "home", price: 2.30, at: open), snapshot(game: 2, book: "a", outcome: "away", price: 1.65, at: open)],
        ]
        let close = start.addingTimeInterval(-60)
        let closing: [Int: [OddsSnapshot]] = [
            1: [snapshot(game: 1, book: "a", outcome: "home", price: 2.00, at: close), snapshot(game: 1, book: "a", outcome: "away", price: 1.85, at: close),
                snapshot(game: 1, book: "b", outcome: "home", price: 1.90, at: close), snapshot(game: 1, book: "b", outcome: "away", price: 1.95, at: close),
                snapshot(game: 1, book: "c", outcome: "home", price: 2.10, at: close)]
        ]
        return ModelCalibrator.backtest(
            rows, probabilities: probabilities, betType: .moneyline, threeWay: false, drawShare: nil, odds: odds, closing: closing,
            selector: .standard)
    }

    @Test func theBacktestMakesOnePickAtTheBestPriceAndMeasuresItAgainstTheClosingMedian() throws {
        let backtest = Self.backtest(probabilities: [0.55, 0.55, 0.55], labels: [1, 0, 1])
        #expect(backtest.unpriced == 1)
        #expect(backtest.bets.count == 2)
        let first = backtest.bets[0]
        // 55 % against 2.20 (45.5 %) is the larger edge; the away side's is negative. The close's median is 2.00.
        #expect(first.price == 2.20 && first.won && first.tier == "A")
        #expect(abs(try #require(first.clv) - (2.20 / 2.00 - 1)) < 1e-12)
        // The fair close: book a's no-vig home probability (1/2.00 of 1/2.00 + 1/1.85) and book b's (1/1.90 of 1/1.90 +
        // 1/1.95), the median of their fair prices; book c closed the home side only and is left out.
        let fairA = 1 / ((1 / 2.00) / (1 / 2.00 + 1 / 1.85))
        let fairB = 1 / ((1 / 1.90) / (1 / 1.90 + 1 / 1.95))
        #expect(abs(try #require(first.fairCLV) - (2.20 / ((fairA + fairB) / 2) - 1)) < 1e-12)
        // Against the fair close the book's margin no longer counts: a smaller figure than against the closing price.
        #expect(first.fairCLV! < first.clv!)
        // The second game had no closing price: a bet, lost, without CLV.
        #expect(backtest.bets[1].price == 2.30 && !backtest.bets[1].won && backtest.bets[1].clv == nil)

        let record = PickRecord(backtest)
        #expect(record.picks == 2 && record.withClose == 1)
        #expect(abs(record.meanCLV - 0.10) < 1e-12 && record.meanFairCLV == first.fairCLV && record.standardError == 0)
        // Flat stakes: +1.20 and -1 over two picks.
        #expect(abs(record.roi - 0.10) < 1e-12)
        // One pick that beat the close is no evidence: its picks are withheld.
        #expect(!ModelPickRecord.allowsPicks(record.metrics))
    }

    @Test func anEdgeBelowTierCIsNoPick() {
        // 46 % against 2.20 (45.5 %) and 44 % against 2.30 (43.5 %): half a point of edge, below the 1 point a tier-C
        // pick needs.
        let backtest = Self.backtest(probabilities: [0.46, 0.44, 0.46], labels: [1, 0, 1])
        #expect(backtest.bets.isEmpty && backtest.unpriced == 1)
        #expect(PickRecord(backtest) == PickRecord(EvaluationReport.Backtest(bets: [], unpriced: 0)))
    }

    @Test func theRecordsMeanAndStandardErrorAreThoseOfThePicksWithAClose() {
        let at = Self.start
        let bets: [EvaluationReport.Backtest.Bet] = [
            .init(at: at, tier: "C", stake: 0.01, price: 2.0, profit: 0.01, won: true, clv: 0.045, fairCLV: 0.02),
            .init(at: at, tier: "C", stake: 0.01, price: 2.0, profit: -0.01, won: false, clv: 0.065, fairCLV: 0.04),
            .init(at: at, tier: "B", stake: 0.02, price: 3.0, profit: -0.02, won: false, clv: 0.03, fairCLV: nil),
        ]
        let record = PickRecord(EvaluationReport.Backtest(bets: bets, unpriced: 0))
        #expect(record.picks == 3 && record.withClose == 2)
        // Both means are over the picks with a fair close.
        #expect(abs(record.meanFairCLV - 0.03) < 1e-12 && abs(record.meanCLV - 0.055) < 1e-12)
        // The sample standard deviation of 0.02 and 0.04 is 0.01414; over two picks, 0.01.
        #expect(abs(record.standardError - 0.01) < 1e-12)
        #expect(abs(record.roi - (1.0 - 1 - 1) / 3) < 1e-12)
        // Two picks are too few for that standard error to tell anything.
        #expect(record.verdict == "too few to tell whether they beat the close")
        #expect(record.summary.contains("+3.00% ± 1.00 against the fair close") && record.summary.contains("(+5.50% against the closing prices)"))
        #expect(record.summary.hasSuffix("it publishes forecasts without picks."))
        let tenPicks = PickRecord(EvaluationReport.Backtest(bets: Array(repeating: bets, count: 5).flatMap { $0 }, unpriced: 0))
        #expect(tenPicks.withClose == 10 && tenPicks.verdict == "beat the close")
        #expect(tenPicks.summary.hasSuffix("its picks are published."))
    }

    @Test func picksArePublishedOnlyOnARecordThatBeatTheCloseBeyondNoise() {
        typealias M = PickRecord.Metric
        // No record at all (a model registered before it, or by hand): never judged, so its picks are published.
        #expect(ModelPickRecord.allowsPicks([:]))
        #expect(ModelPickRecord.allowsPicks(["auc": 0.6]))
        // Judged, but with no pick measured against a close: no evidence for the picks.
        #expect(!ModelPickRecord.allowsPicks([M.picks: 0, M.withClose: 0, M.fairCLV: 0]))
        #expect(!ModelPickRecord.allowsPicks([M.picks: 4, M.withClose: 0, M.fairCLV: 0]))
        // Beyond two standard errors on ten picks or more.
        #expect(ModelPickRecord.allowsPicks([M.withClose: 30, M.fairCLV: 0.012, M.fairCLVStandardError: 0.005, M.clv: 0.03]))
        #expect(ModelPickRecord.allowsPicks([M.withClose: 10, M.fairCLV: 0.03, M.fairCLVStandardError: 0.01]))
        // A positive mean within noise of the close, as the dev run's MLB model had (+0.44 % ± 0.38 on 326 picks).
        #expect(!ModelPickRecord.allowsPicks([M.withClose: 326, M.fairCLV: 0.0044, M.fairCLVStandardError: 0.0038]))
        #expect(!ModelPickRecord.allowsPicks([M.withClose: 30, M.fairCLV: 0.01, M.fairCLVStandardError: 0.005]))
        // A large mean on too few picks to tell.
        #expect(!ModelPickRecord.allowsPicks([M.withClose: 9, M.fairCLV: 0.05, M.fairCLVStandardError: 0.001]))
        #expect(!ModelPickRecord.allowsPicks([M.withClose: 30, M.fairCLV: 0, M.clv: 0.02]))
        // The rule reads the fair close: a positive CLV against the closing prices is the margin, not an edge.
        #expect(!ModelPickRecord.allowsPicks([M.withClose: 30, M.fairCLV: -0.002, M.fairCLVStandardError: 0.0005, M.clv: 0.021]))
        let lost = PickRecord(
            EvaluationReport.Backtest(
                bets: [.init(at: Self.start, tier: "C", stake: 0.01, price: 2.0, profit: -0.01, won: false, clv: 0.01, fairCLV: -0.03)],
                unpriced: 0))
        #expect(!ModelPickRecord.allowsPicks(lost.metrics) && lost.summary.hasPrefix("Its one out-of-sample pick")
            && lost.summary.hasSuffix("it publishes forecasts without picks."))
        let none = PickRecord(EvaluationReport.Backtest(bets: [], unpriced: 0))
        #expect(!ModelPickRecord.allowsPicks(none.metrics) && none.summary.hasSuffix("publishes forecasts without picks."))
    }
}
