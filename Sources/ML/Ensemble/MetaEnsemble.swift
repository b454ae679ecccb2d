/// The platform's final blend of the AutoML, Stack and voting models: weights chosen on a validation set,
/// starting from (and tied toward) the guide's default of 35% / 45% / 20%.
public enum MetaEnsemble {
    /// The default weights of AutoML, Stack and the voting ensemble.
    public static let defaultWeights = [0.35, 0.45, 0.20]

    /// `defaults` without the members that are the market prior alone (their `predictions` equal `prior` on every
    /// row), the rest renormalized; `defaults` when every member or none is the prior.
    ///
    /// Why: every member is anchored to the prior, at the weight its held-out rows chose. A member anchored at 0 has
    /// nothing beyond the prior, and keeping its default weight would pull the others toward the prior a second time,
    /// which is how a learner that beat the market used to end as a fifth of a fifth of the blend.
    public static func defaults(
        _ defaults: [Double] = defaultWeights, predictions: [[Double]], prior: [Double], tolerance: Double = 1e-9
    ) -> [Double] {
        precondition(predictions.count == defaults.count)
        let learned = predictions.map { member in zip(member, prior).contains { abs($0 - $1) > tolerance } }
        guard learned.contains(true), learned.contains(false) else { return defaults }
        let kept = zip(defaults, learned).map { $1 ? $0 : 0 }
        let total = kept.reduce(0, +)
        return total > 0 ? kept.map { $0 / total } : learned.map { $0 ? 1 / Double(learned.filter { $0 }.count) : 0 }
    }

    /// The weights on the simplex grid (step `step`) with the lowest validation log loss; among equal losses,
    /// the one nearest `defaults`. With fewer than `minimumRows` validation rows, `defaults` unchanged.
    public static func weights(
        validationPredictions: [[Double]], labels: [Double], defaults: [Double] = defaultWeights,
        step: Double = 0.05, minimumRows: Int = 30
    ) -> [Double] {
        precondition(validationPredictions.count == defaults.count && validationPredictions.allSatisfy { $0.count == labels.count })
        guard labels.count >= minimumRows else { return defaults }
        let units = Int((1 / step).rounded())
        var best = defaults
        var bestLoss = loss(defaults, validationPredictions, labels)
        var bestDistance = 0.0
        func search(_ prefix: [Int], remaining: Int) {
            if prefix.count == defaults.count - 1 {
                let weights = (prefix + [remaining]).map { Double($0) / Double(units) }
                let l = loss(weights, validationPredictions, labels)
                let distance = zip(weights, defaults).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                if l < bestLoss - 1e-12 || (abs(l - bestLoss) <= 1e-12 && distance < bestDistance) {
                    best = weights
                    bestLoss = l
                    bestDistance = distance
                }
                return
            }
            for units in 0...remaining { search(prefix + [units], remaining: remaining - units) }
        }
        search([], remaining: units)
        return best
    }

    /// How many standard errors of the per-row differences a searched weighting must beat the defaults by on the
    /// confirmation rows to replace them (the one-sided test learners pass to beat their prior).
    public static let confirmationStandardErrors = 1.0

    /// ``weights(validationPredictions:labels:defaults:step:minimumRows:)`` searched on `search` rows, kept only if
    /// it beats `defaults` on the `confirmation` rows by more than `standardErrors` standard errors of the per-row
    /// log-loss differences; `defaults` otherwise.
    ///
    /// Why: when a member was itself chosen on the search rows (AutoML's leader is the best of its leaderboard on its
    /// out-of-fold predictions), those rows flatter it, and the search hands it the whole weight (the winner's curse).
    /// Rows no member was chosen on (a later window) judge the searched weighting without that bias.
    public static func weights(
        search: (predictions: [[Double]], labels: [Double]), confirmation: (predictions: [[Double]], labels: [Double]),
        defaults: [Double] = defaultWeights, standardErrors: Double = confirmationStandardErrors
    ) -> [Double] {
        let searched = weights(validationPredictions: search.predictions, labels: search.labels, defaults: defaults)
        guard searched != defaults, !confirmation.labels.isEmpty else { return defaults }
        let better = CalibrationSelection.clearlyBetter(
            blend(confirmation.predictions, weights: searched), than: blend(confirmation.predictions, weights: defaults),
            labels: confirmation.labels, standardErrors: standardErrors)
        return better ? searched : defaults
    }

    private static func loss(_ weights: [Double], _ predictions: [[Double]], _ labels: [Double]) -> Double {
        BinaryMetrics.logLoss(labels: labels, probabilities: blend(predictions, weights: weights))
    }

    /// The members' predictions (one array per member, row for row) blended with `weights`.
    public static func blend(_ predictions: [[Double]], weights: [Double]) -> [Double] {
        var blend = [Double](repeating: 0, count: predictions.first?.count ?? 0)
        for (p, w) in zip(predictions, weights) where w > 0 {
            for i in blend.indices { blend[i] += w * p[i] }
        }
        return blend
    }

    /// The blended model.
    public static func combine(members: [TrainedModel], weights: [Double]) -> WeightedEnsembleModel {
        WeightedEnsembleModel(members: members, weights: weights)
    }
}
