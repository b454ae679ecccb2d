import Foundation
import Postgres

/// `prop_odds`: every book's player-prop prices as collected, and the best of them per batter, line and side.
public struct PropOddsRepository: Sendable {
    let database: any PostgresDatabase

    /// Appends prices; a price already stored with the same time (an unchanged line read again) is skipped.
    /// Returns the rows written.
    @discardableResult
    public func insert(_ prices: [PropPrice]) async throws -> Int {
        try await database.write(prices) {
            """
            INSERT INTO prop_odds (game_id, bookmaker, market, player_name, outcome, point, price, recorded_at)
            SELECT * FROM unnest(
                \(prices.map(\.gameID))::bigint[], \(prices.map(\.bookmaker))::text[], \(prices.map(\.market))::text[],
                \(prices.map(\.playerName))::text[], \(prices.map(\.outcome))::text[], \(prices.map(\.point))::float8[],
                \(prices.map(\.price))::float8[], \(prices.map(\.recordedAt))::timestamptz[])
            ON CONFLICT DO NOTHING
            """
        }
    }

    /// Every price of a game, oldest first.
    public func prices(gameID: Int) async throws -> [PropPrice] {
        try await database.query(
            """
            SELECT * FROM prop_odds WHERE game_id = \(gameID)
            ORDER BY recorded_at, market, player_name, point, outcome, bookmaker
            """
        ).map { row in
            PropPrice(
                gameID: try row.decode("game_id"), bookmaker: try row.decode("bookmaker"), market: try row.decode("market"),
                playerName: try row.decode("player_name"), outcome: try row.decode("outcome"), point: try row.decode("point"),
                price: try row.decode("price"), recordedAt: try row.decode("recorded_at"))
        }
    }

    /// Where a book's name for a player is looked up: a table that gives players their names, by column.
    public struct PlayerNames: Sendable {
        let table: String
        let name: String
        let id: String

        /// MLB batters, by the name Statcast's batter search gives them (`statcast.batter_name`).
        public static let statcastBatters = PlayerNames(table: "statcast", name: "batter_name", id: "batter_id")
        /// NBA players, by the name ESPN's box scores give them (`player_game_points.player_name`).
        public static let boxScorePlayers = PlayerNames(table: "player_game_points", name: "player_name", id: "player_id")
    }

    /// The best price of each player, line and side of `market` in a game as of `asOf`: each book's latest price
    /// recorded at or before `asOf`, the highest across books. Players are named by the books and found by the name
    /// `players` gives them; a name never given, or given two players, is left out. `BestPropPrice.batterID` carries
    /// the player's id there.
    public func bestPrices(gameID: Int, market: String, asOf: Date, players: PlayerNames) async throws -> [BestPropPrice] {
        try await database.query(
            """
            WITH latest AS (
                SELECT DISTINCT ON (bookmaker, player_name, point, outcome) bookmaker, player_name, point, outcome, price
                FROM prop_odds
                WHERE game_id = \(gameID) AND market = \(market) AND recorded_at <= \(asOf)
                ORDER BY bookmaker, player_name, point, outcome, recorded_at DESC
            ), best AS (
                SELECT DISTINCT ON (player_name, point, outcome) player_name, point, outcome, price, bookmaker
                FROM latest ORDER BY player_name, point, outcome, price DESC, bookmaker
            ), names AS (
                SELECT \(identifier: players.name) AS name, min(\(identifier: players.id)) AS player_id FROM \(identifier: players.table)
                WHERE \(identifier: players.name) IN (SELECT player_name FROM best)
                GROUP BY \(identifier: players.name) HAVING count(DISTINCT \(identifier: players.id)) = 1
            )
            SELECT n.player_id, b.player_name, b.point, b.outcome, b.price, b.bookmaker
            FROM best b JOIN names n ON n.name = b.player_name
            ORDER BY n.player_id, b.point, b.outcome
            """
        ).map { row in
            BestPropPrice(
                batterID: try row.decode("player_id"), playerName: try row.decode("player_name"), point: try row.decode("point"),
                outcome: try row.decode("outcome"), price: try row.decode("price"), bookmaker: try row.decode("bookmaker"))
        }
    }
}
