import Foundation
import ML
import Testing

@testable import Jobs
import Store

/// Training puts the market under every learner: the moneyline's no-vig probability, even odds for spread and
/// total; the registered artifact carries the prior, so predict applies it as training did.
@Suite struct MarketPriorTrainingTests {
    /// Moneyline games whose home team wins with exactly the market's probability; the other features are noise.
    static func moneyline(rows: Int, seed: UInt64) -> TrainingData {
        TrainingData.synthetic(rows: rows, seed: seed) { index, random in
            let margin = (random.next() * 2 - 1) * 2
            let market = 1 / (1 + exp(-margin))
            var features: [String: Double] = ["team_elo_diff": random.next() * 200 - 100, "rest_days_home": Double(Int(random.next() * 4))]
            // Some games only have an opening line; a few have none.
            switch index % 10 {
            case 0: features["line_homewinprob_open"] = market
            case 1: break
            default: features["line_homewinprob_current"] = market
            }
            return (features, random.next() < market ? 1 : 0)
        }
    }

    /// Both learners fitted on `data` on top of the moneyline market, then calibrated together; `walkForward`: the
    /// blend also gets their walk-forward out-of-fold predictions, as `calibrate` does.
    static func blended(_ data: TrainingData, preset: TrainingSettings.Preset, walkForward: Bool) throws -> ModelCalibrator.Blended {
        let settings = TrainingSettings.quick(maxModels: 2, preset: preset)
        let prior = ModelMarkets.prior(.moneyline)
        let automl = try ModelTrainer.fit(.automl, data, settings: settings, prior: prior)
        let stack = try ModelTrainer.fit(.stack, data, settings: settings, prior: prior)
        return try ModelCalibrator.blend(
            automl: automl.model, stack: stack.model, data: data, prior: prior, seed: 0,
            outOfFold: walkForward ? (automl.outOfFold, stack.outOfFold) : nil, folds: settings.folds)
    }

    @Test func moneylineReadsTheCurrentLineThenTheOpeningLine() {
        let rows = TrainingData.dataset(
            [["line_homewinprob_current": 0.6, "line_homewinprob_open": 0.5], ["line_homewinprob_open": 0.3], [:]],
            names: ["line_homewinprob_current", "line_homewinprob_open"])
        let offsets = ModelMarkets.prior(.moneyline).offsets(rows)
        #expect(abs(offsets[0] - log(0.6 / 0.4)) < 1e-6 && abs(offsets[1] - log(0.3 / 0.7)) < 1e-6 && offsets[2] == 0)
        #expect(ModelMarkets.prior(.spread).probabilityColumns == ["line_homecoverprob_current"])
        #expect(ModelMarkets.prior(.total).probabilityColumns == ["line_overprob_current"])
    }

    @Test(arguments: [ModelKind.automl, .stack]) func aLearnerWithNothingToAddMatchesTheMarketAndPredictAppliesIt(kind: ModelKind) throws {
        let data = Self.moneyline(rows: 900, seed: 5)
        let settings = TrainingSettings.quick(maxModels: 4, preset: .mediumQuality)
        let fitted = try ModelTrainer.fit(kind, data, settings: settings, prior: ModelMarkets.prior(.moneyline))
        let evaluation = data.dataset(data.evaluation)
        let market = ModelMarkets.prior(.moneyline).offsets(evaluation).map { 1 / (1 + exp(-$0)) }
        let marketLoss = BinaryMetrics.logLoss(labels: data.labels(data.evaluation), probabilities: market)
        #expect(fitted.evaluation.logLoss < marketLoss + 0.01, "\(kind): \(fitted.evaluation.logLoss) against the market's \(marketLoss)")

        // As predict reads it: the stored artifact, one game's features as a dictionary.
        let archive = try ModelArchive.decode(try ModelArchive(model: fitted.model, trainedOn: fitted.fitData).encoded())
        #expect(archive.version == ModelArchive.currentVersion)
        let expected = fitted.model.predict(evaluation)
        for (index, example) in data.evaluation.enumerated().prefix(20) {
            let row = TrainingData.dataset([example.features], names: archive.featureNames)
            #expect(archive.model.predict(row).first == expected[index])
        }
    }

    @Test func calibratingAStackWhoseFirstLayerKeptOnlyTheMarketExplainsRawFeaturesOnly() throws {
        // Nothing to learn, so the first layer's GBMs are anchored at weight 0; the second layer's GBMs read the
        // first layer's predictions too, columns the evaluation rows lack, and must not be the ones explained.
        let data = Self.moneyline(rows: 700, seed: 9)
        let blended = try Self.blended(data, preset: .highQuality, walkForward: false)
        #expect(Set(blended.shap.map(\.feature)).isSubset(of: Set(data.names)))
        #expect(blended.evaluation.logLoss.isFinite)
    }
}
