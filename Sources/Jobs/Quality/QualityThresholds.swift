/// The seed's thresholds (platform guide §1.5).
public struct QualityThresholds: Sendable {
    /// Share of upcoming games with odds; below it: alert.
    public var oddsCompleteness: Double
    /// Share of features populated per game; below it: block predictions.
    public var featureCompleteness: Double
    /// Age of the newest odds, seconds; above it: alert.
    public var oddsMaximumAge: Double

    /// The seed's values: > 90 %, > 98 %, < 2 minutes.
    public init(oddsCompleteness: Double = 0.90, featureCompleteness: Double = 0.98, oddsMaximumAge: Double = 120) {
        self.oddsCompleteness = oddsCompleteness
        self.featureCompleteness = featureCompleteness
        self.oddsMaximumAge = oddsMaximumAge
    }
}
