import Foundation
import ML
import Store
import Testing

@testable import Jobs

/// The evaluation page is self-contained, escapes what it shows, and draws its charts; fitting is reproducible.
@Suite struct EvaluationReportPageTests {
    /// Games whose home team wins when its strength (seen through `team_elo_diff`) beats noise it cannot see.
    static func synthetic(rows: Int, seed: UInt64) -> TrainingData {
        TrainingData.synthetic(rows: rows, seed: seed) { _, random in
            let strength = random.next() * 2 - 1
            let noise = random.next() * 2 - 1
            return (["team_elo_diff": strength * 100, "noise_x_y": noise], strength + 0.6 * noise > 0 ? 1 : 0)
        }
    }

    @Test func fittingTheSameDataTwiceGivesTheSameModel() throws {
        let data = Self.synthetic(rows: 400, seed: 3)
        let settings = TrainingSettings.quick(maxModels: 3, preset: .mediumQuality)
        let first = try ModelTrainer.fit(.automl, data, settings: settings, prior: .evenOdds)
        let second = try ModelTrainer.fit(.automl, data, settings: settings, prior: .evenOdds)
        #expect(first.model == second.model)
        #expect(first.evaluation.auc > 0.7)
        let stack = try ModelTrainer.fit(.stack, data, settings: settings, prior: .evenOdds)
        #expect(stack.evaluation.auc > 0.7)
        let blended = try ModelCalibrator.blend(automl: first.model, stack: stack.model, data: data, prior: .evenOdds, seed: 0)
        #expect(blended.weights.count == 3 && abs(blended.weights.reduce(0, +) - 1) < 1e-9)
        #expect(blended.permutationImportance.first?.feature == "team_elo_diff")
        #expect(blended.shap.first?.feature == "team_elo_diff")
    }

    @Test func thePageIsSelfContainedAndEscaped() {
        let labels: [Double] = (0..<100).map { Double($0 % 2) }
        let evaluation = BinaryEvaluation(labels: labels, probabilities: labels.map { $0 == 1 ? 0.7 : 0.3 })
        let at = Date(timeIntervalSince1970: 1_778_342_400)
        let report = EvaluationReport(
            title: "nba_spread_meta v1 <b>", sport: "nba", betType: "spread", trainingStart: at, trainingEnd: at, featureSetVersion: "v1",
            rows: [300, 50, 50], weights: [0.35, 0.45, 0.2], calibration: "isotonic",
            scores: [.init(label: "meta (calibrated)", evaluation: evaluation)],
            pooled: PooledEvaluation(labels: labels, probabilities: labels.map { $0 == 1 ? 0.7 : 0.3 }, priorProbabilities: labels.map { _ in 0.5 }, trainingRows: 60),
            leaderboard: [.init(name: "GBM_1", auc: 0.7, logLoss: 0.6, brier: 0.2, anchoredAUC: 0.65, anchoredLogLoss: 0.62, rows: 240, fitSeconds: 1)],
            periods: [.init(start: at, rows: 50, accuracy: 0.6, logLoss: 0.65)],
            permutationImportance: [.init(feature: "<script>alert(1)</script>", value: 0.02), .init(feature: "rest_days_home", value: 0.01)],
            shap: [.init(feature: "team_elo_diff", value: 0.3)], shapModel: "first GBM",
            markets: [.init(sport: "nba", betType: "spread", modelID: 7, accuracy: 0.6, auc: 0.62, logLoss: 0.66)],
            backtest: .init(
                bets: [.init(at: at, tier: "A", stake: 0.02, price: 1.9, profit: 0.018, won: true, clv: 0.04),
                       .init(at: at, tier: "B", stake: 0.01, price: 2.1, profit: -0.01, won: false, clv: nil)],
                unpriced: 3),
            pickRecord: PickRecord(
                EvaluationReport.Backtest(bets: [.init(at: at, tier: "C", stake: 0.01, price: 2.0, profit: -0.01, won: false, clv: 0.01, fairCLV: -0.02)], unpriced: 0)),
            thresholds: PromotionThresholds(), decision: "Promoted: passes every threshold; there was no champion.",
            drawShare: "Draw share on 40 evaluation games: log loss 0.6600 vs the market's draw share 0.6700 <kept>", createdAt: at)
        let html = EvaluationReportPage.html(report)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("v1 &lt;b&gt;"))
        // Reliability, permutation importance, SHAP and cumulative profit.
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        // The thresholds' games: how many, the model beside the market, and the verdict.
        #expect(html.contains("judged on 100 games: 60 of the training window"))
        #expect(html.contains("market (prior)") && html.contains("the model <b>beats the market</b>"))
        // The out-of-sample picks against the close, and what they mean for publishing.
        #expect(html.contains("<h2>Out-of-sample picks against the close</h2>") && html.contains("<td>-2.00%</td>"))
        #expect(html.contains("it publishes forecasts without picks."))
        #expect(html.contains("<td>GBM_1</td><td>240</td>") && html.contains("0.6200"))
        for section in ["Promotion check: pooled walk-forward games", "Walk-forward validation", "Reliability diagram", "Feature importance", "SHAP summary", "Accuracy by sport and bet type", "ROI backtest"] {
            #expect(html.contains(section))
        }
        #expect(!html.contains("http://") && !html.contains("https://"))
        // A three-way moneyline's draw share verdict, escaped; other markets have none.
        #expect(html.contains("Draw share (three-way moneyline)") && html.contains("the market&#39;s draw share 0.6700 &lt;kept&gt;"))
        var twoWay = report
        twoWay.drawShare = nil
        #expect(!EvaluationReportPage.html(twoWay).contains("Draw share"))
        // Which publication the model forecasts for.
        var open = report
        open.publication = .open
        #expect(html.contains("NBA · spread · published on game day") && EvaluationReportPage.html(open).contains("published when the market opens"))
    }
}
