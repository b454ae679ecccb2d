import Foundation
import Store

/// MLB batter hits (issue #8) as of a run's as-of: every batter expected in a game (`BatterTeams`) at each of
/// `PropPredictor.lines`, with the best price the books offer where they quote him (`collect.prop_odds`, the batter
/// found by the name Statcast gives him); a line no book prices is still predicted, as a forecast.
struct BatterHitsMarket: PlayerPropMarket {
    typealias Model = BatterHitsModel

    static let sport = "mlb"
    static let market = "batter_hits"
    static let featureSetVersion = "batter_hits_v1"
    static let expectationComponent = "expected_hits"
    static let history = (source: "Statcast", examples: "batter-games")
    static let nothingToPredict = "no batters with Statcast history for these teams"
    static let stored = BatterHitsProp.stored

    private let asOf: Date
    private let lines: [BatterGameHits]
    private let teams: BatterTeams
    private let linesOf: [Int: [BatterGameHits]]

    init(since: Date, asOf: Date, store: Store) async throws {
        self.asOf = asOf
        lines = try await store.playerProps.batterGames(from: since, asOf: asOf)
        teams = BatterTeams(lines: lines.filter { $0.scheduledAt >= asOf.addingTimeInterval(-Self.rosterDays * 86_400) })
        linesOf = Dictionary(grouping: lines, by: \.batterID)
    }

    func offered(in game: Game, gameID: Int, store: Store) async throws -> [PlayerPropLines] {
        let prices = PropPublication.byKey(
            try await store.propOdds.bestPrices(gameID: gameID, market: Self.market, asOf: asOf, players: .statcastBatters))
        return (teams.batters(teamID: game.homeTeamID) + teams.batters(teamID: game.awayTeamID)).map { batterID in
            PlayerPropLines(playerID: batterID, lines: PropPredictor.lines.map { ($0, prices[PricedPropKey(batterID, $0)]) })
        }
    }

    func form(playerID: Int) -> [Double]? {
        BatterForm(games: (linesOf[playerID] ?? [])[...], asOf: asOf)?.values
    }

    func examples() -> [BatterHitsModel.Example] {
        BatterHitsModel.examples(lines)
    }
}
