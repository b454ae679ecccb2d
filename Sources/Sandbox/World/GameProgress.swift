/// Where a game stands at some moment of world time, with the score so far.
public struct GameProgress: Sendable, Equatable {
    /// Pre-game, live or over.
    public enum Phase: String, Sendable {
        case scheduled
        case live
        case final
    }

    /// The phase.
    public let phase: Phase
    /// The home score so far (0 before the start).
    public let homeScore: Int
    /// The away score so far.
    public let awayScore: Int
    /// The period being played (0 before the start).
    public let period: Int

    /// A game in `phase` at `homeScore`–`awayScore`, playing `period`.
    public init(phase: Phase, homeScore: Int, awayScore: Int, period: Int) {
        self.phase = phase
        self.homeScore = homeScore
        self.awayScore = awayScore
        self.period = period
    }
}
