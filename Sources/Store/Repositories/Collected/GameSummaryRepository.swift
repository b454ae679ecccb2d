import Foundation
import Postgres

/// Reads and writes `game_summaries`.
public struct GameSummaryRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores `summary`, replacing the game's stored one; returns true when the game had none.
    @discardableResult
    public func upsert(_ summary: GameSummary) async throws -> Bool {
        let officials = String(decoding: try JSONEncoder().encode(summary.officials), as: UTF8.self)
        return try await database.query(
            """
            INSERT INTO game_summaries (game_id, attendance, duration_minutes, venue_name, officials, fetched_at)
            VALUES (\(summary.gameID), \(summary.attendance), \(summary.durationMinutes), \(summary.venueName),
                    \(officials)::jsonb, \(summary.fetchedAt))
            ON CONFLICT (game_id) DO UPDATE SET
                attendance = EXCLUDED.attendance, duration_minutes = EXCLUDED.duration_minutes,
                venue_name = EXCLUDED.venue_name, officials = EXCLUDED.officials, fetched_at = EXCLUDED.fetched_at
            RETURNING (xmax = 0) AS inserted
            """
        ).first?.decode(Bool.self, "inserted") ?? false
    }

    /// The summary of `gameID`, if stored.
    public func find(gameID: Int) async throws -> GameSummary? {
        guard
            let row = try await database.query(
                """
                SELECT game_id, attendance, duration_minutes, venue_name, officials::text AS officials, fetched_at
                FROM game_summaries WHERE game_id = \(gameID)
                """
            ).first
        else { return nil }
        let officials: String = try row.decode("officials")
        return GameSummary(
            gameID: try row.decode("game_id"), attendance: try row.decode("attendance"),
            durationMinutes: try row.decode("duration_minutes"), venueName: try row.decode("venue_name"),
            officials: try JSONDecoder().decode([GameSummary.Official].self, from: Data(officials.utf8)),
            fetchedAt: try row.decode("fetched_at"))
    }

    /// Final games of `sport` that started in `startedIn` and have no summary yet, in start order.
    public func finalGamesWithoutSummary(sport: String, startedIn range: Range<Date>) async throws -> [Game] {
        try await database.query(
            """
            SELECT g.* FROM games g
            WHERE g.sport = \(sport) AND g.status = \(GameStatus.final)
              AND g.scheduled_at >= \(range.lowerBound) AND g.scheduled_at < \(range.upperBound)
              AND NOT EXISTS (SELECT 1 FROM game_summaries s WHERE s.game_id = g.id)
            ORDER BY g.scheduled_at, g.id
            """
        ).map(GameRepository.game)
    }
}
