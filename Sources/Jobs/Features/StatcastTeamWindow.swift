import Foundation
import Store

/// Team batted-ball aggregates over the Statcast days before a cutoff, from per-batter game sums.
///
/// Statcast rows name batters, not teams. Within the window a batter is credited to the team that played in
/// most of the games he batted in: his own team played in all of them, any one opponent in a few. A batter
/// seen in too few games to tell (a tie) is left out.
struct StatcastTeamWindow: Sendable {
    /// Sums of balls in play.
    struct Totals: Sendable, Equatable {
        var battedBalls = 0
        var exitVelocitySum = 0.0
        var hardHitBalls = 0
        var expectedWOBABalls = 0
        var expectedWOBASum = 0.0

        mutating func add(_ row: BatterGameStatcast) {
            battedBalls += row.battedBalls
            exitVelocitySum += row.exitVelocitySum
            hardHitBalls += row.hardHitBalls
            expectedWOBABalls += row.expectedWOBABalls
            expectedWOBASum += row.expectedWOBASum
        }
    }

    /// A team's balls in play at bat, and those its pitchers allowed.
    struct Team: Sendable, Equatable {
        var batting = Totals()
        var allowed = Totals()
    }

    let days: Int
    private let rows: [BatterGameStatcast]
    private var cache: [Date: [Int: Team]] = [:]

    init(rows: [BatterGameStatcast], days: Int) {
        self.rows = rows.sorted { ($0.gameDate, $0.gameID, $0.batterID) < ($1.gameDate, $1.gameID, $1.batterID) }
        self.days = days
    }

    /// Per team, the games dated in `[cutoff - days, cutoff)`; `cutoff` is a UTC midnight.
    mutating func teams(before cutoff: Date) -> [Int: Team] {
        if let cached = cache[cutoff] { return cached }
        let start = cutoff.addingTimeInterval(-Double(days) * 86_400)
        let window = rows[firstIndex(onOrAfter: start)..<firstIndex(onOrAfter: cutoff)]
        var appearances: [Int: [Int: Int]] = [:]
        for row in window {
            appearances[row.batterID, default: [:]][row.homeTeamID, default: 0] += 1
            appearances[row.batterID, default: [:]][row.awayTeamID, default: 0] += 1
        }
        var battingTeam: [Int: Int] = [:]
        for (batter, counts) in appearances {
            let ranked = counts.sorted { $0.value > $1.value }
            if ranked.count == 1 || ranked[0].value > ranked[1].value { battingTeam[batter] = ranked[0].key }
        }
        var teams: [Int: Team] = [:]
        for row in window {
            guard let batting = battingTeam[row.batterID], batting == row.homeTeamID || batting == row.awayTeamID else { continue }
            teams[batting, default: Team()].batting.add(row)
            teams[batting == row.homeTeamID ? row.awayTeamID : row.homeTeamID, default: Team()].allowed.add(row)
        }
        cache[cutoff] = teams
        return teams
    }

    private func firstIndex(onOrAfter date: Date) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].gameDate < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
