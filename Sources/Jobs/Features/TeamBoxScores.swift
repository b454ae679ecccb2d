import Foundation
import Store

/// The teams' box-score statistics of finished football, hockey and soccer games, and the advanced features read from
/// them (`adv_*`, feature set v7): per side, rolling averages over the team's last games known at the as-of.
///
/// The window is the team's last games in its log (five in football, ten in hockey and soccer, as the score-based
/// `adv_*` features count), of which those with both teams' statistics are read; a side none of whose last games has
/// them has no value. The log holds only games whose results were known at the as-of, so a box score of a later game is
/// never read. Rates are pooled over the window (power plays converted over chances, yards over plays), not averages of
/// each game's rate, so a game with few chances weighs little.
struct TeamBoxScores: Sendable {
    /// Games in football's windows (a season has seventeen).
    static let footballWindow = 5
    /// Games in hockey's and soccer's windows.
    static let window = 10

    /// Per game, each team's statistics.
    private let byGame: [Int: [Int: [String: Double]]]

    init(_ rows: [TeamGameStats]) {
        var byGame: [Int: [Int: [String: Double]]] = [:]
        for row in rows { byGame[row.gameID, default: [:]][row.teamID] = row.values }
        self.byGame = byGame
    }

    /// One game of a team's window: its own statistics, its opponent's, and the game from its side.
    private struct Sides {
        let own: [String: Double]
        let opponent: [String: Double]
        let result: TeamResult
    }

    /// The `adv_*` box-score features of `team`, playing on `side` (`home`, `away`), from its `log` of finished games
    /// known at the as-of, in start order. Empty for a sport without team box scores.
    func features(sport: String, team: Int, side: String, log: [TeamResult]) -> [String: Double] {
        let windowSize = sport == "nfl" ? Self.footballWindow : Self.window
        let games = log.suffix(windowSize).compactMap { result -> Sides? in
            guard let teams = byGame[result.gameID], let own = teams[team], let opponent = teams[result.opponent] else { return nil }
            return Sides(own: own, opponent: opponent, result: result)
        }
        guard !games.isEmpty else { return [:] }
        let window = "last\(windowSize)"
        var features: [String: Double] = [:]
        func set(_ metric: String, _ value: Double?) { features["adv_\(metric)_\(side)_\(window)"] = value }
        switch sport {
        case "epl":
            set("shots", Self.mean(games) { $0.own["totalShots"] })
            set("shots_on_target", Self.mean(games) { $0.own["shotsOnTarget"] })
            set("shots_on_target_against", Self.mean(games) { $0.opponent["shotsOnTarget"] })
            set("possession", Self.mean(games) { $0.own["possessionPct"].map { $0 / 100 } })
            set("corners", Self.mean(games) { $0.own["wonCorners"] })
        case "nhl":
            set("shots", Self.mean(games) { $0.own["shotsTotal"] })
            set("shots_against", Self.mean(games) { $0.opponent["shotsTotal"] })
            set("power_play_pct", Self.ratio(games) { ($0.own["powerPlayGoals"], $0.own["powerPlayOpportunities"]) })
            set("penalty_kill_pct", Self.ratio(games) { ($0.opponent["powerPlayGoals"], $0.opponent["powerPlayOpportunities"]) }.map { 1 - $0 })
            // Goals against from the final score: a shootout's deciding goal counts against the loser's goalie.
            set("save_pct", Self.ratio(games) { game in
                let shotsAgainst = game.opponent["shotsTotal"]
                return (shotsAgainst == nil ? nil : Double(game.result.pointsAgainst), shotsAgainst)
            }.map { 1 - $0 })
        case "nfl":
            set("yards_per_play", Self.ratio(games) { ($0.own["totalYards"], $0.own["totalOffensivePlays"]) })
            set("yards_per_play_allowed", Self.ratio(games) { ($0.opponent["totalYards"], $0.opponent["totalOffensivePlays"]) })
            set("turnover_margin", Self.mean(games) { game in
                game.opponent["turnovers"].flatMap { theirs in game.own["turnovers"].map { theirs - $0 } }
            })
            set("third_down_pct", Self.ratio(games) { ($0.own["thirdDownConversions"], $0.own["thirdDownAttempts"]) })
        default: return [:]
        }
        return features
    }

    /// The mean of `value` over the games that have it; nil when none has.
    private static func mean(_ games: [Sides], _ value: (Sides) -> Double?) -> Double? {
        let values = games.compactMap(value)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sum of the numerators over the sum of the denominators, over the games that have both; nil when those sum
    /// to nothing.
    private static func ratio(_ games: [Sides], _ parts: (Sides) -> (Double?, Double?)) -> Double? {
        var numerator = 0.0
        var denominator = 0.0
        for game in games {
            guard case let (top?, bottom?) = parts(game) else { continue }
            numerator += top
            denominator += bottom
        }
        return denominator > 0 ? numerator / denominator : nil
    }
}
