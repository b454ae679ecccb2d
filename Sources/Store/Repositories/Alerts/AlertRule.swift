import Foundation

/// Which new picks a user wants to be alerted to: of a sport (nil: every sport), of a market (nil: every market), of
/// `minimumTier` or better.
public struct AlertRule: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    public var userID: UUID
    public var sport: String?
    public var betType: BetType?
    /// The lowest tier alerted: `.b` alerts A and B picks.
    public var minimumTier: SignalTier
    /// When the rule was made; picks made before it raise nothing. Set by the database.
    public var createdAt: Date?

    /// A rule.
    public init(id: Int? = nil, userID: UUID, sport: String?, betType: BetType?, minimumTier: SignalTier, createdAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.sport = sport
        self.betType = betType
        self.minimumTier = minimumTier
        self.createdAt = createdAt
    }
}
