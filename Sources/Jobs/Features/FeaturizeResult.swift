/// What one sport's `featurize` run wrote.
public struct FeaturizeResult: Codable, Sendable, Equatable {
    /// Games whose features were stored.
    public var gamesFeaturized: Int
    /// The mean completeness of those feature sets, 0…1 (0 with no games).
    public var meanCompleteness: Double
    /// The feature-set version written.
    public var featureSetVersion: String

    enum CodingKeys: String, CodingKey {
        case gamesFeaturized = "games_featurized"
        case meanCompleteness = "mean_completeness"
        case featureSetVersion = "feature_set_version"
    }

    /// A result.
    public init(gamesFeaturized: Int, meanCompleteness: Double, featureSetVersion: String = FeatureCatalog.version) {
        self.gamesFeaturized = gamesFeaturized
        self.meanCompleteness = meanCompleteness
        self.featureSetVersion = featureSetVersion
    }
}
