/// What one `collect.summaries` run did (the job's result).
public struct SummariesCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Summaries fetched.
    public var games: Int
    /// Summaries whose payload was not stored before.
    public var newPayloads: Int
    /// Games that had no summary stored before.
    public var summariesWritten: Int
    /// Odds snapshots written from `pickcenter` (games not started at fetch time only).
    public var snapshotsWritten: Int
    /// NBA players' box-score lines written (`player_game_points`; final games only).
    public var playerPointsWritten = 0
    /// MLB starting pitchers' box-score lines written (`pitcher_game_lines`; final games only).
    public var pitcherLinesWritten = 0
    /// NFL, NHL and Premier League teams' box-score statistics written (`team_game_stats`; final games only).
    public var teamStatsWritten = 0
    /// The games those snapshots are of, for the caches to invalidate; not part of the job's stored result.
    public var oddsGameIDs: Set<Int> = []

    enum CodingKeys: String, CodingKey {
        case applied, games, newPayloads, summariesWritten, snapshotsWritten, playerPointsWritten, pitcherLinesWritten, teamStatsWritten
    }
}
