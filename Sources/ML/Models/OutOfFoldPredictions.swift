/// A model's out-of-fold predictions over the rows it was trained on, each under the caller's id of the row (a game
/// id): what the model would have said of each row had it been fitted on the rows before it only (walk-forward).
///
/// Stored with a model so that a later job can judge it on many more rows than its evaluation window holds.
public struct OutOfFoldPredictions: Sendable, Equatable, Codable {
    /// The ids of the rows that have a prediction.
    public let ids: [Int]
    /// One probability per id.
    public let probabilities: [Double]

    /// The rows of `ids` whose prediction in `probabilities` is a number (walk-forward leaves the first block without).
    public init(ids: [Int], probabilities: [Double]) {
        precondition(ids.count == probabilities.count, "one probability per id")
        let kept = ids.indices.filter { !probabilities[$0].isNaN }
        self.ids = kept.map { ids[$0] }
        self.probabilities = kept.map { probabilities[$0] }
    }

    /// The prediction of each id.
    public var byID: [Int: Double] {
        Dictionary(zip(ids, probabilities), uniquingKeysWith: { first, _ in first })
    }
}
