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
        try await database.write(lines) {
            """
            INSERT INTO player_game_points (game_id, player_id, player_name, team_id, did_not_play, minutes, points)
            SELECT * FROM unnest(
                \(lines.map(\.gameID))::bigint[], \(lines.map(\.playerID))::bigint[], \(lines.map(\.playerName))::text[],
                \(lines.map(\.teamID))::bigint[], \(lines.map(\.didNotPlay))::boolean[], \(lines.map(\.minutes))::integer[],
                \(lines.map(\.points))::integer[])
            ON CONFLICT DO NOTHING
            """
        }
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
