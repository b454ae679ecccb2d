/// A team of the simulated league, with the names each upstream API uses for it.
public struct SandboxTeam: Sendable, Equatable {
    /// ESPN's team id (a numeric string).
    public let espnID: String
    /// The abbreviation (`NYY`).
    public let abbreviation: String
    /// The location (`New York`).
    public let location: String
    /// The nickname (`Yankees`).
    public let nickname: String
    /// ESPN's display name (`LA Clippers`), which may differ from The Odds API's.
    public let espnName: String
    /// The Odds API's name (`Los Angeles Clippers`).
    public let oddsAPIName: String
    /// The home venue.
    public let venue: SandboxVenue
    /// The real division of a simulated franchise; `nil` for a replayed club.
    public var division: SandboxDivision? = nil
}
