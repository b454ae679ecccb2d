/// One entry of The Odds API v4 `/sports`.
public struct OddsAPISport: Decodable, Sendable, Equatable {
    /// The sport key (`basketball_nba`).
    public let key: String
    /// The group (`Basketball`).
    public let group: String
    /// The title (`NBA`).
    public let title: String
    /// True when in season.
    public let active: Bool
}
