import Foundation
import Store

/// Which batters play for which team, inferred from Statcast lines, which name batters but not teams.
///
/// As in `StatcastTeamWindow`: a batter is credited to the team that played in most of the games he batted
/// in (his own team played in all of them, any one opponent in a few); a tie leaves him out. A team's
/// expected batters are those credited to it who batted in its last `recentGames` games.
struct BatterTeams: Sendable {
    private var teamOf: [Int: Int] = [:]
    private var recentBatters: [Int: Set<Int>] = [:]

    /// Teams from `lines` (the window to judge by), each team's roster from its newest `recentGames` games.
    init(lines: [BatterGameHits], recentGames: Int = 3) {
        var appearances: [Int: [Int: Int]] = [:]
        for line in lines {
            appearances[line.batterID, default: [:]][line.homeTeamID, default: 0] += 1
            appearances[line.batterID, default: [:]][line.awayTeamID, default: 0] += 1
        }
        for (batter, counts) in appearances {
            let ranked = counts.sorted { $0.value > $1.value }
            if ranked.count == 1 || ranked[0].value > ranked[1].value { teamOf[batter] = ranked[0].key }
        }
        var gamesOf: [Int: [(start: Date, gameID: Int)]] = [:]
        for line in lines {
            for team in [line.homeTeamID, line.awayTeamID] where gamesOf[team]?.last?.gameID != line.gameID {
                gamesOf[team, default: []].append((line.scheduledAt, line.gameID))
            }
        }
        var latest: [Int: Set<Int>] = [:]
        for (team, games) in gamesOf {
            latest[team] = Set(games.sorted { ($0.start, $0.gameID) < ($1.start, $1.gameID) }.suffix(recentGames).map(\.gameID))
        }
        for line in lines {
            guard let team = teamOf[line.batterID], team == line.homeTeamID || team == line.awayTeamID,
                latest[team]?.contains(line.gameID) == true
            else { continue }
            recentBatters[team, default: []].insert(line.batterID)
        }
    }

    /// The batters expected to bat for `teamID`, in id order.
    func batters(teamID: Int) -> [Int] {
        (recentBatters[teamID] ?? []).sorted()
    }
}
