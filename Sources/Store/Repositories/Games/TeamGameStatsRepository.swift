import Foundation
import Postgres

/// `team_game_stats`: teams' box-score statistics, stored once per game and team.
public struct TeamGameStatsRepository: Sendable {
    let database: any PostgresDatabase

    /// Stores teams' statistics; a team already stored for the game is left as it was (a box score is read once the
    /// game is final). Returns the rows written.
    @discardableResult
    public func insert(_ rows: [TeamGameStats]) async throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let stats = try rows.map { String(decoding: try encoder.encode($0.values), as: UTF8.self) }
        return try await database.write(rows) {
            """
            INSERT INTO team_game_stats (game_id, team_id, stats)
            SELECT game_id, team_id, stats::jsonb
            FROM unnest(\(rows.map(\.gameID))::bigint[], \(rows.map(\.teamID))::bigint[], \(stats)::text[]) AS u(game_id, team_id, stats)
            ON CONFLICT DO NOTHING
            """
        }
    }

    static func stats(_ row: PostgresRow) throws -> TeamGameStats {
        TeamGameStats(
            gameID: try row.decode("game_id"), scheduledAt: try row.decode("scheduled_at"), teamID: try row.decode("team_id"),
            values: try row.decode(PostgresJSON<[String: Double]>.self, "stats").value)
    }
}
