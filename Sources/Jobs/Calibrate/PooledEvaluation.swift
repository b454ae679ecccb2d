import ML

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The calibrated model and the market prior scored on the same pooled games: the model's walk-forward
/// out-of-fold predictions over the training window plus its predictions on the evaluation window. Promotion
/// thresholds are judged here, on hundreds or thousands of games rather than the evaluation window's hundred.
public struct PooledEvaluation: Sendable {
    /// Training-window games with a walk-forward out-of-fold prediction of every member (the first block has none).
    public var trainingRows: Int
    /// Evaluation-window games.
    public var evaluationRows: Int
    /// The calibrated model on the pooled games.
    public var model: BinaryEvaluation
    /// The market prior (the no-vig line the learners fit on top of) on the same games.
    public var prior: BinaryEvaluation
    /// Mean per-game log loss of the model minus the prior's (negative: the model is better).
    public var logLossDifference: Double
    /// The standard error of that mean.
    public var standardError: Double
    /// Training-window games on which the model's probability is at least ``departure`` away from the market's.
    ///
    /// Why: each walk-forward fold decides for itself how much of its learners to keep, on fewer games than the
    /// served model, and often keeps none. Where it kept none the game shows the market, not the model's departures,
    /// and only adds a difference of zero to the mean: a model that departs from the market on its evaluation games
    /// alone is judged on those, however many pooled games the sentence counts.
    public var trainingDepartures: Int
    /// Evaluation-window games on which it is.
    public var evaluationDepartures: Int

    /// Half a point of probability: closer than that, a forecast is the market's.
    public static let departure = 0.005

    /// The metric names the departure counts are registered under.
    public enum Metric {
        public static let trainingDepartures = "pooled_training_departures"
        public static let evaluationDepartures = "pooled_evaluation_departures"
    }

    /// Scores `probabilities` and `priorProbabilities` on `labels`, the first `trainingRows` of them from the training window.
    public init(labels: [Double], probabilities: [Double], priorProbabilities: [Double], trainingRows: Int) {
        precondition(labels.count == probabilities.count && labels.count == priorProbabilities.count && trainingRows <= labels.count)
        self.trainingRows = trainingRows
        evaluationRows = labels.count - trainingRows
        model = BinaryEvaluation(labels: labels, probabilities: probabilities)
        prior = BinaryEvaluation(labels: labels, probabilities: priorProbabilities)
        func loss(_ p: Double, _ y: Double) -> Double {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            return y > 0.5 ? -log(q) : -log(1 - q)
        }
        let differences = labels.indices.map { loss(probabilities[$0], labels[$0]) - loss(priorProbabilities[$0], labels[$0]) }
        let difference = SampleMean(differences)
        logLossDifference = difference.mean
        standardError = difference.standardError
        let departs = labels.indices.map { abs(probabilities[$0] - priorProbabilities[$0]) >= Self.departure }
        trainingDepartures = departs[..<trainingRows].filter { $0 }.count
        evaluationDepartures = departs[trainingRows...].filter { $0 }.count
    }

    /// Where the model (`subject`) departs from the market, in a sentence.
    public func departures(_ subject: String = "It") -> String {
        let evaluation = "\(evaluationDepartures) of the \(evaluationRows) evaluation games"
        guard trainingRows > 0 else { return "\(subject) departs from the market by half a point of probability or more on \(evaluation)." }
        var text = "\(subject) departs from the market by half a point of probability or more on \(trainingDepartures) of the "
            + "\(trainingRows) walk-forward games and \(evaluation)"
        if trainingDepartures == 0 && evaluationDepartures > 0 {
            text += ": its walk-forward folds are the market there, so its departures are judged on the evaluation games alone"
        }
        return text + "."
    }

    /// All pooled games.
    public var rows: Int { trainingRows + evaluationRows }

    /// How the model compares with the market, in words: better or worse only beyond two standard errors.
    public var verdict: String {
        if logLossDifference < -2 * standardError { return "beats the market" }
        if logLossDifference > 2 * standardError { return "is worse than the market" }
        return "matches the market"
    }
}
