/// How the values of one dataset column are interpreted.
public enum FeatureKind: Sendable, Equatable, Hashable, Codable {
    /// Ordered real values; NaN marks a missing value.
    case numerical
    /// Category codes `0..<levels.count` stored as Float; NaN marks a missing or unseen level.
    case categorical(levels: [String])

    /// Whether the column holds category codes.
    public var isCategorical: Bool {
        if case .categorical = self { return true }
        return false
    }
}
