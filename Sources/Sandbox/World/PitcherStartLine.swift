/// What a starting pitcher did in one simulated start, as a box score prints it.
public struct PitcherStartLine: Sendable, Equatable {
    /// Outs recorded (3 a full inning).
    public let outs: Int
    /// Hits allowed.
    public let hits: Int
    /// Runs allowed while he pitched, all of them earned.
    public let earnedRuns: Int
    /// Walks.
    public let walks: Int
    /// Strikeouts.
    public let strikeouts: Int
    /// Home runs allowed.
    public let homeRuns: Int
    /// Pitches thrown.
    public let pitches: Int
    /// Strikes among `pitches`.
    public let strikes: Int
    /// His decision: `true` a win, `false` a loss, `nil` none.
    public let won: Bool?

    /// Innings as a box score writes them: whole innings, a dot and the outs of the last one (`6.2`).
    public var innings: String { "\(outs / 3).\(outs % 3)" }
}
