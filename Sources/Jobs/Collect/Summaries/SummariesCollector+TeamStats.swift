import Store

extension SummariesCollector {
    /// The sports whose teams' box-score statistics are stored, and the statistics read of each, by ESPN's names:
    /// soccer's shots, possession and corners, hockey's shots and power plays, football's yards, plays, third downs
    /// and turnovers.
    static let teamStatistics: [String: Set<String>] = [
        "epl": ["totalShots", "shotsOnTarget", "possessionPct", "wonCorners", "saves", "foulsCommitted"],
        "nhl": ["shotsTotal", "powerPlayGoals", "powerPlayOpportunities", "blockedShots", "hits", "faceoffsWon", "giveaways", "takeaways"],
        "nfl": [
            "totalYards", "totalOffensivePlays", "turnovers", "firstDowns", "thirdDownEff", "netPassingYards", "rushingYards",
            "possessionTime",
        ],
    ]

    /// Each team's statistics of a final game's box score, credited to the home or away team by the ESPN team id of
    /// its competitor, as numbers by ESPN's names: a count (`"14"`), a share (`"58.4"`, `"58.4%"`), a made-attempted
    /// pair split in two (`thirdDownEff` `"5-13"` as `thirdDownConversions` 5 and `thirdDownAttempts` 13) or a clock
    /// in seconds (`possessionTime` `"31:30"` as `possessionSeconds` 1,890). Only `teamStatistics` of the sport are
    /// read; one the box score does not print is absent. Refuses a team not in the game and a value that is not the
    /// number its name says.
    static func teamStats(_ boxscore: ESPNTeamBoxscore, summary: ESPNSummary, game: Game, sport: String, response: UpstreamResponse) throws
        -> [TeamGameStats]
    {
        guard let gameID = game.id, let read = teamStatistics[sport] else { return [] }
        let sides = Dictionary(
            summary.header.competitions[0].competitors.map { ($0.team.id, $0.homeAway) }, uniquingKeysWith: { first, _ in first })
        return try (boxscore.boxscore?.teams ?? []).map { team in
            guard let side = sides[team.team.id] else { throw invalid(response, ".boxscore.teams team \(team.team.id) is not in the game") }
            var values: [String: Double] = [:]
            for statistic in team.statistics where read.contains(statistic.name) {
                guard let parsed = Self.statistic(statistic.name, statistic.displayValue) else {
                    throw invalid(
                        response, ".boxscore.teams[\(team.team.id)] \(statistic.name) \"\(statistic.displayValue.prefix(20))\" is not a number")
                }
                values.merge(parsed) { $1 }
            }
            return TeamGameStats(gameID: gameID, scheduledAt: game.scheduledAt, teamID: side == "home" ? game.homeTeamID : game.awayTeamID, values: values)
        }
    }

    /// A statistic's value as numbers by name; nil for a value its name cannot be.
    static func statistic(_ name: String, _ text: String) -> [String: Double]? {
        switch name {
        case "thirdDownEff":
            let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
            guard parts.count == 2, let made = Int(parts[0]), let attempts = Int(parts[1]), made >= 0, made <= attempts else { return nil }
            return ["thirdDownConversions": Double(made), "thirdDownAttempts": Double(attempts)]
        case "possessionTime":
            guard let seconds = Self.clockSeconds(text) else { return nil }
            return ["possessionSeconds": Double(seconds)]
        case "possessionPct":
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let share = Double(number), (0...100).contains(share) else { return nil }
            return [name: share]
        default:
            // Counts; football's net yards may be negative.
            guard let count = Int(text), count >= 0 || name.hasSuffix("Yards") else { return nil }
            return [name: Double(count)]
        }
    }

    /// `MM:SS` (`31:30`) in seconds.
    static func clockSeconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]), minutes >= 0, (0..<60).contains(seconds),
            parts[1].count == 2
        else { return nil }
        return minutes * 60 + seconds
    }
}
