/// A settled, priced player prop as the market anchor learns from it: the model's and the market's probability of the
/// Over as they were when it was published, and whether the Over won.
public struct SettledPropForecast: Sendable, Equatable {
    /// The prop model's own P(Over), before anchoring.
    public var modelOver: Double
    /// The books' no-vig P(Over) from the best Over and Under prices.
    public var marketOver: Double
    /// Whether the Over won.
    public var over: Bool

    /// Creates one.
    public init(modelOver: Double, marketOver: Double, over: Bool) {
        self.modelOver = modelOver
        self.marketOver = marketOver
        self.over = over
    }
}
