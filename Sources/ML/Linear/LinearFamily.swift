/// The response distribution of a generalized linear model.
public enum LinearFamily: String, Sendable, Codable, CaseIterable {
    /// Logistic regression on 0/1 labels.
    case binomial
    /// Least squares regression.
    case gaussian
}
