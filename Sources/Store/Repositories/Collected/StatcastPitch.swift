import Foundation

/// One pitch from Statcast, keyed by (game, at-bat, pitch number).
public struct StatcastPitch: Sendable, Equatable {
    /// The platform's game, when it is matched.
    public var gameID: Int?
    /// MLB's game id.
    public var gamePK: Int
    /// The game's date (UTC midnight).
    public var gameDate: Date
    /// The at-bat within the game.
    public var atBatNumber: Int
    /// The pitch within the at-bat.
    public var pitchNumber: Int
    /// MLB's batter id.
    public var batterID: Int
    /// MLB's pitcher id.
    public var pitcherID: Int
    /// The pitch type (`FF`, `SL`, …).
    public var pitchType: String?
    /// Release speed, mph.
    public var releaseSpeedMPH: Double?
    /// Spin rate, rpm.
    public var spinRateRPM: Double?
    /// Exit velocity, mph.
    public var launchSpeedMPH: Double?
    /// Launch angle, degrees.
    public var launchAngleDegrees: Double?
    /// The plate-appearance event (`single`, `strikeout`).
    public var events: String?
    /// The pitch description (`called_strike`).
    public var description: String?
    /// Expected wOBA of the batted ball.
    public var expectedWOBA: Double?
    /// The batter's name as Statcast spells it in a batter search (`player_name`); what the books' player props
    /// call him.
    public var batterName: String?

    /// Creates a pitch.
    public init(
        gameID: Int? = nil, gamePK: Int, gameDate: Date, atBatNumber: Int, pitchNumber: Int, batterID: Int,
        pitcherID: Int, pitchType: String? = nil, releaseSpeedMPH: Double? = nil, spinRateRPM: Double? = nil,
        launchSpeedMPH: Double? = nil, launchAngleDegrees: Double? = nil, events: String? = nil,
        description: String? = nil, expectedWOBA: Double? = nil, batterName: String? = nil
    ) {
        self.gameID = gameID
        self.gamePK = gamePK
        self.gameDate = gameDate
        self.atBatNumber = atBatNumber
        self.pitchNumber = pitchNumber
        self.batterID = batterID
        self.pitcherID = pitcherID
        self.pitchType = pitchType
        self.releaseSpeedMPH = releaseSpeedMPH
        self.spinRateRPM = spinRateRPM
        self.launchSpeedMPH = launchSpeedMPH
        self.launchAngleDegrees = launchAngleDegrees
        self.events = events
        self.description = description
        self.expectedWOBA = expectedWOBA
        self.batterName = batterName
    }
}
