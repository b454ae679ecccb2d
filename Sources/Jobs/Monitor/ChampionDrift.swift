import Store

/// What `monitor.drift` found for one champion.
public struct ChampionDrift: Encodable, Sendable, Equatable {
    public var modelID: Int
    public var betType: BetType
    public var publication: PredictionPublication
    public var referenceGames: Int
    public var currentGames: Int
    /// The features that moved significantly beyond chance, largest first; empty without enough games.
    public var significant: [String]
    /// The largest index among them; 0 when none.
    public var maxPSI: Double
    /// Whether this run logged a `drift_detected` event (not when the last one named the same features).
    public var logged: Bool
}
