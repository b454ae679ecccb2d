import Foundation

/// One injury report: a player's status as the source last updated it, and when the platform saw it listed.
public struct InjuryReport: Sendable, Equatable {
    /// The sport code.
    public var sport: String
    /// The team, when the source's team is stored.
    public var teamID: Int?
    /// The source's team id.
    public var sourceTeamID: String
    /// The source (`espn`).
    public var source: String
    /// The source's id of the injury entry.
    public var injuryID: String
    /// The player.
    public var athleteName: String
    /// The player's position (`RP`, `G`).
    public var position: String?
    /// The status as the source spells it (`Day-To-Day`, `Out`, `10-Day-IL`).
    public var status: String
    /// What is injured (`Hamstring`), if said.
    public var injuryType: String?
    /// The expected return day, if said.
    public var returnDate: Date?
    /// When the source updated the report.
    public var reportedAt: Date
    /// When the platform first saw the report: the time it became known here, for point-in-time reads.
    public var firstSeenAt: Date
    /// When the platform last saw the report listed.
    public var lastSeenAt: Date

    /// Creates a report.
    public init(
        sport: String, teamID: Int?, sourceTeamID: String, source: String, injuryID: String, athleteName: String, position: String?,
        status: String, injuryType: String?, returnDate: Date?, reportedAt: Date, firstSeenAt: Date, lastSeenAt: Date
    ) {
        self.sport = sport
        self.teamID = teamID
        self.sourceTeamID = sourceTeamID
        self.source = source
        self.injuryID = injuryID
        self.athleteName = athleteName
        self.position = position
        self.status = status
        self.injuryType = injuryType
        self.returnDate = returnDate
        self.reportedAt = reportedAt
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
    }
}
