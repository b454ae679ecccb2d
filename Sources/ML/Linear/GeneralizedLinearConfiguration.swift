/// Hyperparameters of an elastic-net generalized linear model.
public struct GeneralizedLinearConfiguration: Sendable, Equatable, Hashable, Codable {
    /// Logistic or linear.
    public var family: LinearFamily = .binomial
    /// Penalty strength λ (per row, as in glmnet).
    public var lambda = 1e-4
    /// Elastic-net mix: 1 is lasso, 0 is ridge.
    public var alpha = 0.5
    /// Constrain every coefficient to be ≥ 0 (the stacked-ensemble metalearner uses this).
    public var nonNegative = false
    /// Most IRLS iterations (logistic) around the coordinate descent.
    public var maxIterations = 50
    /// Convergence threshold on the largest coefficient change.
    public var tolerance = 1e-7

    /// The defaults.
    public init() {}
}
