import Foundation

/// A new pick a user's rule matched, with what a notification shows of it.
public struct PickAlert: Sendable, Equatable {
    public var id: Int
    public var userID: UUID
    /// The rule that raised it; nil once the rule is deleted.
    public var ruleID: Int?
    public var createdAt: Date
    /// When the user opened it; nil while unread.
    public var openedAt: Date?
    public var pick: AlertedPick
}

/// The pick an alert announces, as the inbox and a webhook delivery show it (encoded with snake_case keys).
public struct AlertedPick: Sendable, Equatable, Encodable {
    public var predictionID: Int
    public var gameID: Int
    public var sport: String
    public var betType: BetType
    public var selection: String
    public var line: Double?
    public var price: Double?
    public var edge: Double
    public var tier: SignalTier
    public var publication: PredictionPublication
    public var scheduledAt: Date
    public var homeTeam: String
    public var awayTeam: String
    /// A player prop's player (`PropPlayerName`); nil for other bets.
    public var playerName: String?
}
