import Foundation
import Store

/// NBA player points (issue #17) as of a run's as-of. The books quote each player at his own half-point line, so
/// only the lines priced by the as-of (`collect.prop_odds`, the player found by the name the box scores give him)
/// of players expected in a game are offered; the history is every player-game whose box score was known at the
/// as-of (`collect.summaries` stores them).
struct PlayerPointsMarket: PlayerPropMarket {
    typealias Model = PlayerPointsModel

    static let sport = "nba"
    static let market = "player_points"
    static let featureSetVersion = "player_points_v1"
    static let expectationComponent = "expected_points"
    static let history = (source: "box-score", examples: "player-games")
    static let nothingToPredict = "no priced player-points lines of players with box scores"
    static let stored = PlayerPointsProp.stored
    /// A team's latest games whose players are expected to play.
    static let recentGames = 3

    private let asOf: Date
    private let lines: [PlayerGamePoints]
    private let roster: [Int: [Int]]
    private let linesOf: [Int: [PlayerGamePoints]]

    init(since: Date, asOf: Date, store: Store) async throws {
        self.asOf = asOf
        lines = try await store.playerPoints.games(from: since, asOf: asOf)
        roster = Self.roster(lines.filter { $0.scheduledAt >= asOf.addingTimeInterval(-Self.rosterDays * 86_400) })
        linesOf = Dictionary(grouping: lines, by: \.playerID)
    }

    func offered(in game: Game, gameID: Int, store: Store) async throws -> [PlayerPropLines] {
        let priced = PropPublication.byKey(
            try await store.propOdds.bestPrices(gameID: gameID, market: Self.market, asOf: asOf, players: .boxScorePlayers))
        let players = Set((roster[game.homeTeamID] ?? []) + (roster[game.awayTeamID] ?? []))
        var offers: [Int: [(line: Double, best: PropPublication.Prices?)]] = [:]
        for (key, best) in priced where players.contains(key.batterID) {
            offers[key.batterID, default: []].append((key.line, best))
        }
        return offers.sorted { $0.key < $1.key }.map { playerID, lines in
            PlayerPropLines(playerID: playerID, lines: lines.sorted { $0.line < $1.line })
        }
    }

    func form(playerID: Int) -> [Double]? {
        PlayerPointsForm(games: (linesOf[playerID] ?? [])[...], asOf: asOf)?.values
    }

    func examples() -> [PlayerPointsModel.Example] {
        PlayerPointsModel.examples(lines)
    }

    /// Each team's expected players: those who played for it in any of its latest `recentGames` games of `lines`.
    static func roster(_ lines: [PlayerGamePoints]) -> [Int: [Int]] {
        var gamesOf: [Int: Set<Int>] = [:]
        var starts: [Int: Date] = [:]
        for line in lines {
            gamesOf[line.teamID, default: []].insert(line.gameID)
            starts[line.gameID] = line.scheduledAt
        }
        var roster: [Int: Set<Int>] = [:]
        for (team, games) in gamesOf {
            let latest = Set(games.sorted { (starts[$0]!, $0) > (starts[$1]!, $1) }.prefix(recentGames))
            for line in lines where line.teamID == team && latest.contains(line.gameID) && !line.didNotPlay {
                roster[team, default: []].insert(line.playerID)
            }
        }
        return roster.mapValues { $0.sorted() }
    }
}
