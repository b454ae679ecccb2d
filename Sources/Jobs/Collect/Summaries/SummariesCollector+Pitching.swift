import Store

extension SummariesCollector {
    /// Each team's starting pitcher's line in a final baseball game's box score, credited to the home or away team by
    /// the ESPN team id of its competitor. The pitching group is the one whose `names` hold `IP`, `K`, `BB` and `ER`;
    /// its starter is the row marked `starter`, or else the first (ESPN lists pitchers in order of appearance). A team
    /// without a pitching group has no line. Checked as the types cannot: a known team, innings as whole innings and
    /// 0–2 outs (`6.2`), and whole numbers of strikeouts, walks and earned runs.
    static func starterLines(_ boxscore: ESPNBoxscore, summary: ESPNSummary, game: Game, response: UpstreamResponse) throws
        -> [PitcherGameLine]
    {
        let fail = { (message: String) in invalid(response, message) }
        guard let gameID = game.id else { return [] }
        var lines: [PitcherGameLine] = []
        for (team, teamID) in try creditedTeams(boxscore, summary: summary, game: game, response: response) {
            let columns = ["IP", "K", "BB", "ER"]
            guard let pitching = team.statistics.first(where: { group in columns.allSatisfy(group.names.contains) }),
                let starter = pitching.athletes.first(where: { $0.starter == true }) ?? pitching.athletes.first
            else { continue }
            let at = columns.map { pitching.names.firstIndex(of: $0)! }
            guard starter.stats.count == pitching.names.count, let outs = Self.outs(innings: starter.stats[at[0]]),
                let strikeouts = Int(starter.stats[at[1]]), let walks = Int(starter.stats[at[2]]), let earnedRuns = Int(starter.stats[at[3]]),
                strikeouts >= 0, walks >= 0, earnedRuns >= 0
            else {
                throw fail("pitcher \(starter.athlete.id.prefix(20)): stats \(starter.stats.prefix(20)) do not match names \(pitching.names.prefix(20))")
            }
            guard !starter.athlete.id.isEmpty else { throw fail("a pitcher of team \(team.team.id) has no athlete id") }
            lines.append(
                PitcherGameLine(
                    gameID: gameID, scheduledAt: game.scheduledAt, athleteID: starter.athlete.id,
                    teamID: teamID, outs: outs, strikeouts: strikeouts, walks: walks,
                    earnedRuns: earnedRuns))
        }
        return lines
    }

    /// Outs from innings as a box score writes them (`6.2`: six innings and two outs); nil for anything else.
    static func outs(innings text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), whole >= 0 else { return nil }
        if parts.count == 1 { return whole * 3 }
        guard parts.count == 2, let part = Int(parts[1]), (0...2).contains(part), parts[1].count == 1 else { return nil }
        return whole * 3 + part
    }
}
