import Foundation
import Postgres

/// `player_game_points`: NBA players' box-score points, stored once per game, read point in time for the
/// player-points model and per game for grading; and the best prop prices joined to players by name.
public struct PlayerPointsRepository: Sendable {
    let database: any PostgresDatabase

    /// Stores box-score lines; a player already stored for the game is left as he was (a box score is read once
    /// the game is final, when it no longer changes). Returns the rows written.
    @discardableResult
    public func insert(_ lines: [PlayerGamePoints]) async throws -> Int {
        guard !lines.isEmpty else { return 0 }
        return try await database.query(
            """
            INSERT INTO player_game_points (game_id, player_id, player_name, team_id, did_not_play, minutes, points)
            SELECT * FROM unnest(
                \(lines.map(\.gameID))::bigint[], \(lines.map(\.playerID))::bigint[], \(lines.map(\.playerName))::text[],
                \(lines.map(\.teamID))::bigint[], \(lines.map(\.didNotPlay))::boolean[], \(lines.map(\.minutes))::integer[],
                \(lines.map(\.points))::integer[])
            ON CONFLICT DO NOTHING
            """
        ).affectedRows
    }

    /// Every player's line (played or not) in the games scheduled from `from` whose result was known before `asOf`
    /// (start + `PlayerPropRepository.resultDelay` ≤ `asOf`), in start order.
    public func games(from: Date, asOf: Date) async throws -> [PlayerGamePoints] {
        try await lines(gameID: nil, from: from, asOf: asOf)
    }

    /// Every player's line in one game (for grading its props).
    public func games(gameID: Int) async throws -> [PlayerGamePoints] {
        try await lines(gameID: gameID, from: nil, asOf: nil)
    }

    /// The best price of each player, line and side of `market` in a game as of `asOf`, as
    /// `PropOddsRepository.bestBatterPrices` finds them, the player found by the name ESPN's box scores give him
    /// (a name never given, or given two players, is left out). `batterID` carries the player's ESPN id.
    public func bestPrices(gameID: Int, market: String, asOf: Date) async throws -> [BestPropPrice] {
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
                SELECT player_name, min(player_id) AS player_id FROM player_game_points
                WHERE player_name IN (SELECT player_name FROM best)
                GROUP BY player_name HAVING count(DISTINCT player_id) = 1
            )
            SELECT n.player_id, b.player_name, b.point, b.outcome, b.price, b.bookmaker
            FROM best b JOIN names n ON n.player_name = b.player_name
            ORDER BY n.player_id, b.point, b.outcome
            """
        ).map { row in
            BestPropPrice(
                batterID: try row.decode("player_id"), playerName: try row.decode("player_name"), point: try row.decode("point"),
                outcome: try row.decode("outcome"), price: try row.decode("price"), bookmaker: try row.decode("bookmaker"))
        }
    }

    private func lines(gameID: Int?, from: Date?, asOf: Date?) async throws -> [PlayerGamePoints] {
        try await database.query(
            """
            SELECT p.game_id, g.scheduled_at, p.player_id, p.player_name, p.team_id, p.did_not_play, p.minutes, p.points
            FROM player_game_points p JOIN games g ON g.id = p.game_id
            WHERE (\(gameID)::bigint IS NULL OR p.game_id = \(gameID))
              AND (\(from)::timestamptz IS NULL OR g.scheduled_at >= \(from))
              AND (\(asOf)::timestamptz IS NULL OR g.scheduled_at + interval '4 hours' <= \(asOf))
            ORDER BY g.scheduled_at, p.game_id, p.player_id
            """
        ).map { row in
            PlayerGamePoints(
                gameID: try row.decode("game_id"), scheduledAt: try row.decode("scheduled_at"), playerID: try row.decode("player_id"),
                playerName: try row.decode("player_name"), teamID: try row.decode("team_id"), didNotPlay: try row.decode("did_not_play"),
                minutes: try row.decode("minutes"), points: try row.decode("points"))
        }
    }
}
