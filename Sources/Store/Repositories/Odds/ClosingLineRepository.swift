import Foundation
import Postgres

/// Captures and reads `closing_lines`.
public struct ClosingLineRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores closing lines in one statement, replacing earlier captures of the same line; returns the rows written.
    @discardableResult
    public func upsert(_ lines: [ClosingLine]) async throws -> Int {
        try await database.write(lines) {
            """
            INSERT INTO closing_lines (game_id, bookmaker, market, outcome, price, point, captured_at)
            SELECT * FROM unnest(\(lines.map(\.gameID))::bigint[], \(lines.map(\.bookmaker))::text[],
                                 \(lines.map(\.market))::text[], \(lines.map(\.outcome))::text[],
                                 \(lines.map(\.price))::float8[], \(lines.map(\.point))::float8[],
                                 \(lines.map(\.capturedAt))::timestamptz[])
            ON CONFLICT (game_id, market, bookmaker, outcome) DO UPDATE SET
                price = EXCLUDED.price, point = EXCLUDED.point, captured_at = EXCLUDED.captured_at
            """
        }
    }

    /// Captures, for a game, the latest odds of every book, market and outcome recorded at or before `at`
    /// (usually the start of the game), among the snapshots of the `lookback` seconds before it.
    @discardableResult
    public func captureFromOdds(gameID: Int, at: Date, lookback: TimeInterval = 86_400) async throws -> Int {
        try await database.query(
            """
            INSERT INTO closing_lines (game_id, bookmaker, market, outcome, price, point, captured_at)
            SELECT DISTINCT ON (market, bookmaker, outcome) game_id, bookmaker, market, outcome, price, point, recorded_at
            FROM odds
            WHERE game_id = \(gameID) AND recorded_at > \(at.addingTimeInterval(-lookback)) AND recorded_at <= \(at)
            ORDER BY market, bookmaker, outcome, recorded_at DESC
            ON CONFLICT (game_id, market, bookmaker, outcome) DO UPDATE SET
                price = EXCLUDED.price, point = EXCLUDED.point, captured_at = EXCLUDED.captured_at
            """
        ).affectedRows
    }

    /// Games of `sport` that started in `from..<to` and have odds but no closing line yet: the ones to capture.
    public func gamesToCapture(sport: String, from: Date, to: Date) async throws -> [(id: Int, scheduledAt: Date)] {
        try await database.query(
            """
            SELECT g.id, g.scheduled_at FROM games g
            WHERE g.sport = \(sport) AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
              AND NOT EXISTS (SELECT 1 FROM closing_lines c WHERE c.game_id = g.id)
              AND EXISTS (SELECT 1 FROM odds o WHERE o.game_id = g.id)
            ORDER BY g.scheduled_at, g.id
            """
        ).map { row in (try row.decode("id"), try row.decode("scheduled_at")) }
    }

    /// The closing lines of a game.
    public func lines(gameID: Int) async throws -> [ClosingLine] {
        try await database.query(
            "SELECT * FROM closing_lines WHERE game_id = \(gameID) ORDER BY market, bookmaker, outcome"
        ).map { row in
            ClosingLine(
                gameID: try row.decode("game_id"), bookmaker: try row.decode("bookmaker"), market: try row.decode("market"),
                outcome: try row.decode("outcome"), price: try row.decode("price"), point: try row.decode("point"),
                capturedAt: try row.decode("captured_at"))
        }
    }
}
