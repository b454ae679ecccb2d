/// A team of one sport, keyed by the source's id.
public struct Team: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The sport code (`nba`, `nfl`, `mlb`, …).
    public var sport: String
    /// The source's team id, unique within the sport.
    public var externalID: String
    /// The full name.
    public var name: String
    /// The short name (`BOS`).
    public var abbreviation: String?
    /// The home venue, if known.
    public var venue: Venue?

    /// Creates a team.
    public init(id: Int? = nil, sport: String, externalID: String, name: String, abbreviation: String? = nil, venue: Venue? = nil) {
        self.id = id
        self.sport = sport
        self.externalID = externalID
        self.name = name
        self.abbreviation = abbreviation
        self.venue = venue
    }
}
