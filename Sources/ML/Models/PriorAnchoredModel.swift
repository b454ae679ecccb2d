/// A learner's forecast pulled toward a market prior: log-odds `offset + weight · (learner − offset)`.
///
/// The weight, between 0 and 1, is chosen on rows the learner did not fit (see
/// ``LearnerSpecification/fit(_:labels:prior:)``): 0 when the learner only adds noise to the market, so the model is
/// the market; near 1 when what it adds holds up on unseen rows. Learners that take the prior as an offset (GBM, GLM)
/// already start from it, and the weight shrinks their correction; a forest does not, and the weight blends its
/// log-odds with the market's.
public struct PriorAnchoredModel: Sendable, Equatable, Codable {
    /// The market prior.
    public let prior: MarketPrior
    /// The learner, fitted on every row.
    public let learner: TrainedModel
    /// How much of the learner's departure from the prior is kept (0: the prior alone; 1: the learner alone).
    public let weight: Double
    /// The held-out log loss of the prior alone, where the weight was chosen (nil when no rows were held out).
    public let priorHoldoutLogLoss: Double?
    /// The held-out log loss at the chosen weight, of the learner fitted without the held-out rows (nil when no
    /// rows were held out).
    public let holdoutLogLoss: Double?

    /// A learner anchored to `prior` with `weight`.
    public init(
        prior: MarketPrior, learner: TrainedModel, weight: Double, priorHoldoutLogLoss: Double? = nil, holdoutLogLoss: Double? = nil
    ) {
        precondition(weight >= 0 && weight <= 1, "the weight is between 0 and 1")
        self.prior = prior
        self.learner = learner
        self.weight = weight
        self.priorHoldoutLogLoss = priorHoldoutLogLoss
        self.holdoutLogLoss = holdoutLogLoss
    }

    /// The anchored probabilities of class 1.
    public func predict(_ data: Dataset) -> [Double] {
        let offsets = prior.offsets(data)
        // The learner does not count at weight 0: skip its work.
        let learned = weight > 0 ? learner.predict(data) : offsets.map(MarketPrior.sigmoid)
        return Self.blend(learner: learned, offsets: offsets, weight: weight)
    }

    /// `σ(offset + weight · (logit(p) − offset))` for every row.
    static func blend(learner probabilities: [Double], offsets: [Double], weight: Double) -> [Double] {
        zip(probabilities, offsets).map { p, offset in
            MarketPrior.sigmoid(offset + weight * (MarketPrior.logit(p) - offset))
        }
    }
}
