/// A player prop already stored for a game: its selection and line.
public struct PredictedProp: Sendable, Hashable {
    /// The selection (`batter:<id>:hits_over`).
    public var selection: String
    /// The line.
    public var line: Double?
}
