import Foundation
import Postgres

/// `prop_odds`: every book's player-prop prices as collected, and the best of them per batter, line and side.
public struct PropOddsRepository: Sendable {
    let database: any PostgresDatabase

    /// Appends prices; a price already stored with the same time (an unchanged line read again) is skipped.
    /// Returns the rows written.
    @discardableResult
    public func insert(_ prices: [PropPrice]) async throws -> Int {
        guard !prices.isEmpty else { return 0 }
        return try await database.query(
            """
            INSERT INTO prop_odds (game_id, bookmaker, market, player_name, outcome, point, price, recorded_at)
            SELECT * FROM unnest(
                \(prices.map(\.gameID))::bigint[], \(prices.map(\.bookmaker))::text[], \(prices.map(\.market))::text[],
                \(prices.map(\.playerName))::text[], \(prices.map(\.outcome))::text[], \(prices.map(\.point))::float8[],
                \(prices.map(\.price))::float8[], \(prices.map(\.recordedAt))::timestamptz[])
            ON CONFLICT DO NOTHING
            """
        ).affectedRows
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

    /// The best price of each batter, line and side of `market` in a game as of `asOf`: each book's latest price
    /// recorded at or before `asOf`, the highest across books. Batters are named by the books and found by the
    /// name Statcast gives them (`statcast.batter_name`); a name Statcast never gave, or gave two batters, is left out.
    public func bestBatterPrices(gameID: Int, market: String, asOf: Date) async throws -> [BestPropPrice] {
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
                SELECT batter_name, min(batter_id) AS batter_id FROM statcast
                WHERE batter_name IN (SELECT player_name FROM best)
                GROUP BY batter_name HAVING count(DISTINCT batter_id) = 1
            )
            SELECT n.batter_id, b.player_name, b.point, b.outcome, b.price, b.bookmaker
            FROM best b JOIN names n ON n.batter_name = b.player_name
            ORDER BY n.batter_id, b.point, b.outcome
            """
        ).map { row in
            BestPropPrice(
                batterID: try row.decode("batter_id"), playerName: try row.decode("player_name"), point: try row.decode("point"),
                outcome: try row.decode("outcome"), price: try row.decode("price"), bookmaker: try row.decode("bookmaker"))
        }
    }
}
