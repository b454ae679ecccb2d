import Foundation
import ML

/// A three-way moneyline's draw share model fitted on its training games and judged against the market's draw share.
///
/// Its rows are the games the home side did not win (drawn: 1, won away: 0) with a market draw share. The model
/// (`DrawShareModel`) is fitted on the training and calibration windows' games on top of the market's share and
/// anchored to it (the learner's weight chosen walk-forward on the last two fifths, and kept only if it beats the
/// share there by a standard error), then scored with the market's share on the pooled games: each training game
/// predicted walk-forward by a model fitted on earlier games only, as the calibrator's pooled evaluation does, and
/// the evaluation window's games. It serves only if anchoring kept some of it and it has the lower log loss on those
/// pooled games (the platform's rule: a learner must beat its prior); otherwise the forecast divides the rest by the
/// market's share, as it always did.
public struct DrawShareFit: Sendable {
    /// The model fitted on every training game (the market's share when anchoring kept none of the learner); nil
    /// with fewer than `minimumGames` to fit.
    public var model: DrawShareModel?
    /// The share of the learner's departure from the market that anchoring kept (0: the market's share).
    public var weight: Double
    /// Training games it fitted.
    public var trainingGames: Int
    /// Evaluation-window games it was scored on.
    public var evaluationGames: Int
    /// Its log loss on the evaluation window's games, and the market share's (NaN without games; the model's also
    /// without a model).
    public var logLoss: Double
    public var marketLogLoss: Double
    /// It and the market's share on the walk-forward training games and the evaluation games (nil without a model).
    public var pooled: PooledEvaluation?
    /// Whether forecasts use it.
    public var kept: Bool

    /// Below this many training games the learner could not be anchored (its weight would be 0): nothing is fitted.
    public static let minimumGames = LearnerSpecification.anchoringMinimumRows

    /// Fits and judges the draw share on `training` (in time order) and `evaluation`, walk-forward over `folds` folds;
    /// only the games with a `drawLabel` and a market draw share count.
    public init(training: [TrainingExample], evaluation: [TrainingExample], folds: Int) throws {
        let (trainingRows, trainingLabels, trainingTimes) = Self.rows(training)
        let (evaluationRows, evaluationLabels, _) = Self.rows(evaluation)
        let evaluationData = DrawShareModel.dataset(evaluationRows)
        let prior = DrawShareModel.prior
        let market = prior.probabilities(evaluationData)
        trainingGames = trainingRows.count
        evaluationGames = evaluationRows.count
        marketLogLoss = BinaryMetrics.logLoss(labels: evaluationLabels, probabilities: market)
        guard trainingRows.count >= Self.minimumGames else {
            (model, weight, logLoss, pooled, kept) = (nil, 0, .nan, nil, false)
            return
        }
        let trainingData = DrawShareModel.dataset(trainingRows)
        let fitted = try DrawShareModel.learner.fit(trainingData, labels: trainingLabels, prior: prior)
        model = DrawShareModel(model: fitted)
        weight = if case .priorAnchored(let anchored) = fitted { anchored.weight } else { 1 }
        let predicted = fitted.predict(evaluationData)
        logLoss = BinaryMetrics.logLoss(labels: evaluationLabels, probabilities: predicted)

        // Walk-forward out of fold, as the calibrator pools the meta model's games: each training game scored by a
        // model (anchored as this one was) fitted on earlier games only; the first block has none.
        let splits = DataSplits.folds(.walkForward, rowCount: trainingRows.count, folds: max(1, folds), times: trainingTimes)
        let outOfFold = try CrossValidation.run(DrawShareModel.learner, data: trainingData, labels: trainingLabels, folds: splits, prior: prior)
            .outOfFold
        let scored = outOfFold.indices.filter { !outOfFold[$0].isNaN }
        pooled = PooledEvaluation(
            labels: scored.map { trainingLabels[$0] } + evaluationLabels, probabilities: scored.map { outOfFold[$0] } + predicted,
            priorProbabilities: prior.probabilities(trainingData.selecting(rows: scored)) + market, trainingRows: scored.count)
        kept = weight > 0 && (pooled.map { $0.logLossDifference < 0 } ?? false)
    }

    /// The model forecasts use: the fitted one when kept, nil (the market's share) otherwise.
    public var served: DrawShareModel? { kept ? model : nil }

    /// The verdict in a sentence, for the evaluation report and the log.
    public var summary: String {
        var text = "Draw share (P(draw | the home side does not win)) on \(evaluationGames) evaluation games: "
        guard model != nil else {
            return text + String(format: "the market's draw share has log loss %.4f; ", marketLogLoss)
                + "not kept (none fitted: \(trainingGames) training games, fewer than the \(Self.minimumGames) it needs), forecasts divide the rest by the market's share."
        }
        text += String(format: "log loss %.4f vs the market's draw share %.4f", logLoss, marketLogLoss)
        if let pooled {
            text += String(
                format: "; on %d pooled games (%d walk-forward in training) %.4f vs %.4f, difference %+.4f ± %.4f",
                pooled.rows, pooled.trainingRows, pooled.model.logLoss, pooled.prior.logLoss, pooled.logLossDifference, pooled.standardError)
        }
        text += String(format: "; fitted on %d games, learner weight %.2f: ", trainingGames, weight)
        if kept { return text + "kept, forecasts divide the rest by the learned share." }
        let why = weight == 0 ? "anchoring kept none of the learner" : "it did not beat the market's share on the pooled games"
        return text + "not kept (\(why)), forecasts divide the rest by the market's share."
    }

    /// The verdict as model metrics (`draw_` names).
    var metrics: [String: Double] {
        var metrics = [
            "draw_kept": kept ? 1 : 0, "draw_weight": weight, "draw_rows_fit": Double(trainingGames),
            "draw_rows_evaluation": Double(evaluationGames),
        ]
        if logLoss.isFinite { metrics["draw_log_loss"] = logLoss }
        if marketLogLoss.isFinite { metrics["draw_market_log_loss"] = marketLogLoss }
        if let pooled {
            metrics["draw_pooled_rows"] = Double(pooled.rows)
            metrics["draw_pooled_log_loss"] = pooled.model.logLoss
            metrics["draw_pooled_market_log_loss"] = pooled.prior.logLoss
        }
        return metrics
    }

    /// The draw share's rows of `examples` (those with a draw label and a market share), labels and start times.
    private static func rows(_ examples: [TrainingExample]) -> (rows: [[String: Double]], labels: [Double], times: [Double]) {
        var rows: [[String: Double]] = []
        var labels: [Double] = []
        var times: [Double] = []
        for example in examples {
            guard let label = example.drawLabel, let row = DrawShareModel.row(example.features) else { continue }
            rows.append(row)
            labels.append(label)
            times.append(example.scheduledAt.timeIntervalSince1970)
        }
        return (rows, labels, times)
    }
}
