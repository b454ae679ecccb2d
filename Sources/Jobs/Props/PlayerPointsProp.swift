import Store

/// An NBA player-points prop: "more (or fewer) than `line` points by player `playerID`", stored as the selection
/// `player:<id>:points_over` or `player:<id>:points_under` with the line in `Prediction.line`.
public struct PlayerPointsProp: Sendable, Equatable {
    /// The side of the line.
    public typealias Side = BatterHitsProp.Side

    /// ESPN's athlete id.
    public var playerID: Int
    /// The side; a forecast carries `over`, a pick the side picked.
    public var side: Side

    /// The prop on `playerID`'s `side`.
    public init(playerID: Int, side: Side = .over) {
        self.playerID = playerID
        self.side = side
    }

    /// How the prop is stored.
    static let stored = PlayerPropSelection(kind: "player", count: "points")

    /// The prop a stored selection names, or `nil` when it is not a player-points selection.
    public init?(selection: String) {
        guard let (playerID, side) = Self.stored.parse(selection) else { return nil }
        self.init(playerID: playerID, side: side)
    }

    /// The stored selection.
    public var selection: String { Self.stored.selection(playerID: playerID, side: side) }

    /// This side's result when the player scored `points` at `line`: a half-point line cannot push; a whole line the
    /// points land on pushes, as books grade it.
    public func result(points: Int, line: Double) -> PredictionResult {
        if Double(points) == line { return .push }
        let overWins = Double(points) > line
        return (side == .over) == overWins ? .win : .loss
    }
}
