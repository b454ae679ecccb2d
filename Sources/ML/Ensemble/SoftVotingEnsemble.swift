/// scikit-learn's soft-voting classifier: each learner fitted on all rows, probabilities averaged with fixed weights.
public struct SoftVotingEnsemble: Sendable {
    /// The learners.
    public var learners: [LearnerSpecification]
    /// One weight per learner (equal when nil).
    public var weights: [Double]?
    /// The market prior every learner is fitted on top of and anchored to (see
    /// ``LearnerSpecification/fit(_:labels:prior:)``); nil fits the learners alone.
    public var prior: MarketPrior?

    /// A voting ensemble of the given learners; by default GBM, DRF, XRT and GLM with equal votes.
    public init(
        learners: [LearnerSpecification] = [ModelFamily.gbm, .drf, .xrt, .glm].map(LearnerSpecification.defaultLearner),
        weights: [Double]? = nil, prior: MarketPrior? = nil
    ) {
        precondition(weights == nil || weights!.count == learners.count)
        self.learners = learners
        self.weights = weights
        self.prior = prior
    }

    /// Fits every learner on all rows (on top of the prior, when there is one).
    ///
    /// A learner anchored at weight 0 is the prior alone and has no vote, unless every learner is: averaging it in
    /// would pull the others toward the prior a second time, after their anchoring chose how far to trust them.
    public func fit(_ data: Dataset, labels: [Double]) throws -> WeightedEnsembleModel {
        let members = try learners.map { try $0.fit(data, labels: labels, prior: prior) }
        let votes = weights ?? Array(repeating: 1, count: learners.count)
        let learnt = members.map { !$0.isPriorAlone }
        guard zip(votes, learnt).contains(where: { $0 > 0 && $1 }) else { return WeightedEnsembleModel(members: members, weights: votes) }
        return WeightedEnsembleModel(members: members, weights: zip(votes, learnt).map { $1 ? $0 : 0 })
    }
}
