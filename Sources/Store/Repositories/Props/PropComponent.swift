/// The names under which a priced prop forecast keeps its parts in `Prediction.componentProbabilities`.
///
/// The anchor's fit reads the first two back; the API reads the weight to say whose probability a prop shows.
public enum PropComponent {
    /// The prop model's own P(over), before anchoring.
    public static let modelOver = "model_over"
    /// The books' no-vig P(over) at the best prices.
    public static let marketOver = "market_over"
    /// The share w of the model's difference from the market that the published probability keeps (0: the market's).
    public static let anchorWeight = "anchor_weight"
}
