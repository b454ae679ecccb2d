/// One pitch of a simulated baseball game, with the Statcast fields the sandbox fills.
public struct SimulatedPitch: Sendable, Equatable {
    /// The plate appearance within the game (1-based).
    public let atBatNumber: Int
    /// The pitch within the plate appearance (1-based).
    public let pitchNumber: Int
    /// The inning.
    public let inning: Int
    /// True in the top half (the away team bats).
    public let isTop: Bool
    /// MLBAM-style ids.
    public let batterID: Int
    /// The pitcher's id.
    public let pitcherID: Int
    /// The pitcher's name.
    public let pitcherName: String
    /// `FF`, `SL`, `CH`, `CU`, `SI`.
    public let pitchType: String
    /// Release speed, mph.
    public let releaseSpeed: Double
    /// Spin rate, rpm.
    public let spinRate: Int
    /// `ball`, `called_strike`, `swinging_strike`, `foul`, `hit_into_play`.
    public let description: String
    /// The plate appearance's result on its last pitch (`single`, `strikeout`, …).
    public let event: String?
    /// Exit velocity and launch angle of a ball in play.
    public let launch: (speed: Double, angle: Int)?
    /// Expected wOBA of a ball in play.
    public let expectedWOBA: Double?

    public static func == (lhs: SimulatedPitch, rhs: SimulatedPitch) -> Bool {
        lhs.atBatNumber == rhs.atBatNumber && lhs.pitchNumber == rhs.pitchNumber && lhs.releaseSpeed == rhs.releaseSpeed
    }
}
