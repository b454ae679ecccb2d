import Foundation
import Store

/// Each team's games in start order, results aside: what the published schedule says about rest and travel.
///
/// Leagues publish their schedules before the season, so when and where a team last played is public long before
/// a game, its result is not. The rest and travel features read the schedule: read from the finished games, they
/// missed every game between `asOf` and the start, which at the market's open (two days ahead) is often the one
/// that makes a back-to-back. Only a game's teams, start and site are read here, never its status or score.
struct TeamSchedule: Sendable {
    /// One game on a team's schedule.
    struct Slot: Sendable, Equatable {
        var gameID: Int
        var scheduledAt: Date
        /// The team whose venue the game is played at (the home team).
        var venueTeam: Int
        var isNeutralSite: Bool
    }

    private var slots: [Int: [Slot]] = [:]

    /// The schedule of every team in `games` (a game listed twice counts once).
    init(_ games: [Game]) {
        var seen = Set<Int>()
        for game in games.sorted(by: { ($0.scheduledAt, $0.id ?? 0) < ($1.scheduledAt, $1.id ?? 0) }) {
            guard let id = game.id, seen.insert(id).inserted else { continue }
            let slot = Slot(gameID: id, scheduledAt: game.scheduledAt, venueTeam: game.homeTeamID, isNeutralSite: game.isNeutralSite)
            slots[game.homeTeamID, default: []].append(slot)
            slots[game.awayTeamID, default: []].append(slot)
        }
    }

    /// The team's last game scheduled to start before `game` does (never `game` itself).
    func previous(team: Int, before game: Game) -> Slot? {
        guard let games = slots[team] else { return nil }
        // Binary search for the first slot starting at or after the game.
        var (low, high) = (0, games.count)
        while low < high {
            let middle = (low + high) / 2
            if games[middle].scheduledAt < game.scheduledAt { low = middle + 1 } else { high = middle }
        }
        return games[..<low].last { $0.gameID != game.id }
    }
}
