/// The kinds of learner AutoML searches over.
public enum ModelFamily: String, Sendable, Codable, CaseIterable, Hashable {
    /// Gradient boosting machine.
    case gbm
    /// Generalized linear model.
    case glm
    /// Distributed random forest.
    case drf
    /// Extremely randomized trees.
    case xrt
}
