import Foundation

/// The features of one game under one feature-set version, computed from data known at `asOf` only.
public struct GameFeatureSet: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The feature-set version the features were computed with.
    public var featureSetVersion: String
    /// The point in time: no data after it went into these features.
    public var asOf: Date
    /// Feature values by name (`form_avg_margin_last5`); a missing feature is absent.
    public var features: [String: Double]
    /// The share of the version's features that are present, 0…1 (prediction needs > 0.98).
    public var completeness: Double

    /// Creates a feature set.
    public init(gameID: Int, featureSetVersion: String, asOf: Date, features: [String: Double], completeness: Double) {
        self.gameID = gameID
        self.featureSetVersion = featureSetVersion
        self.asOf = asOf
        self.features = features
        self.completeness = completeness
    }
}
