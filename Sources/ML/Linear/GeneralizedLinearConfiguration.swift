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
    /// Choose λ instead of using `lambda` (H2O's `lambda_search`): fit a path of penalties from the smallest
    /// that zeroes every coefficient down to a thousandth of it, score each on every fifth row held out, and
    /// refit on all rows with the best. Small or wide data need a strong penalty; a fixed tiny λ overfits them.
    public var lambdaSearch = false
    /// The dataset columns the model reads, by name (nil: every column). A GLM on a few columns whose meaning is
    /// known, such as adjustments already in the prior's log-odds units, has few coefficients to learn, so on a few
    /// hundred games it can find an edge a model of every column buries in noise.
    public var columns: [String]?
    /// Whether the model fits an intercept. Without one, an input's missing value and zero both add nothing to the
    /// linear predictor (inputs are scaled but not centred). On top of a market prior an intercept re-learns the home
    /// edge the prior already prices, from one window's outcomes: adjustments that are zero for an average game should
    /// not carry that noise.
    public var fitsIntercept = true
    /// Whether the named ``columns`` enter as their sum, with one coefficient (a missing value counts as 0). For
    /// inputs in one unit whose coefficient is one number in truth, such as adjustments in the prior's log-odds of
    /// which the market has priced one share: one coefficient is learnt from outcomes with a fraction of the noise
    /// of one each (on a season of simulated MLB games at the open, three separate coefficients of the schedule and
    /// starter adjustments each came out within one or two standard errors of zero, where their sum's was 0.22 ± 0.16).
    public var sumsColumns = false

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case family, lambda, alpha, nonNegative, maxIterations, tolerance, lambdaSearch, columns, fitsIntercept, sumsColumns
    }

    /// Decodes, defaulting what older archives do not have.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        family = try container.decode(LinearFamily.self, forKey: .family)
        lambda = try container.decode(Double.self, forKey: .lambda)
        alpha = try container.decode(Double.self, forKey: .alpha)
        nonNegative = try container.decode(Bool.self, forKey: .nonNegative)
        maxIterations = try container.decode(Int.self, forKey: .maxIterations)
        tolerance = try container.decode(Double.self, forKey: .tolerance)
        lambdaSearch = try container.decodeIfPresent(Bool.self, forKey: .lambdaSearch) ?? false
        columns = try container.decodeIfPresent([String].self, forKey: .columns)
        fitsIntercept = try container.decodeIfPresent(Bool.self, forKey: .fitsIntercept) ?? true
        sumsColumns = try container.decodeIfPresent(Bool.self, forKey: .sumsColumns) ?? false
    }
}
