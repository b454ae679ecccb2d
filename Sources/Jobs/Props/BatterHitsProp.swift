import Store

/// A batter-hits prop: "more than `line` hits by batter `batterID`", stored as the selection
/// `batter:<id>:hits_over` with the line in `Prediction.line`.
public struct BatterHitsProp: Sendable, Equatable {
    /// MLB's batter id.
    public var batterID: Int

    /// The prop on `batterID`.
    public init(batterID: Int) {
        self.batterID = batterID
    }

    /// The prop a stored selection names, or `nil` when it is not a batter-hits selection.
    public init?(selection: String) {
        let parts = selection.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "batter", parts[2] == "hits_over", let id = Int(parts[1]) else { return nil }
        batterID = id
    }

    /// The stored selection.
    public var selection: String { "batter:\(batterID):hits_over" }

    /// Win when the batter had more hits than `line`, loss otherwise (half-point lines cannot push).
    public static func result(hits: Int, line: Double) -> PredictionResult {
        Double(hits) > line ? .win : .loss
    }
}
