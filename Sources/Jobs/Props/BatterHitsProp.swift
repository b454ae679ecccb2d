import Store

/// A batter-hits prop: "more (or fewer) than `line` hits by batter `batterID`", stored as the selection
/// `batter:<id>:hits_over` or `batter:<id>:hits_under` with the line in `Prediction.line`.
public struct BatterHitsProp: Sendable, Equatable {
    /// The side of the line.
    public enum Side: String, Sendable, Equatable {
        /// More hits than the line.
        case over
        /// Fewer hits than the line.
        case under
    }

    /// MLB's batter id.
    public var batterID: Int
    /// The side; a forecast carries `over`, a pick the side picked.
    public var side: Side

    /// The prop on `batterID`'s `side`.
    public init(batterID: Int, side: Side = .over) {
        self.batterID = batterID
        self.side = side
    }

    /// How the prop is stored.
    static let stored = PlayerPropSelection(kind: "batter", count: "hits")

    /// The prop a stored selection names, or `nil` when it is not a batter-hits selection.
    public init?(selection: String) {
        guard let (batterID, side) = Self.stored.parse(selection) else { return nil }
        self.init(batterID: batterID, side: side)
    }

    /// The stored selection.
    public var selection: String { Self.stored.selection(playerID: batterID, side: side) }

    /// This side's result when the batter had `hits` at `line` (half-point lines cannot push).
    public func result(hits: Int, line: Double) -> PredictionResult {
        switch side {
        case .over: Self.result(hits: hits, line: line)
        case .under: Self.result(hits: hits, line: line) == .win ? .loss : .win
        }
    }

    /// The Over's result: win when the batter had more hits than `line`, loss otherwise.
    public static func result(hits: Int, line: Double) -> PredictionResult {
        Double(hits) > line ? .win : .loss
    }
}
