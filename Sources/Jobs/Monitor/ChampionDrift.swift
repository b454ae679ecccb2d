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
    /// Features no training game had that the current games have (an injury list collected only since): not a shift
    /// the model suffers, since it never learnt from them; a retrain would.
    public var unseen: [String]
    /// The largest index among the significant ones; 0 when none.
    public var maxPSI: Double
    /// Whether this run logged a `drift_detected` event (not when the last one named the same features).
    public var logged: Bool
}
