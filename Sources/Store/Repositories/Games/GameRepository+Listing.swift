import Foundation
import Postgres

extension GameRepository {
    /// Games matching the filters (any that is nil does not filter), in start order, one page; and how many
    /// match in all. `from..<to` bounds the scheduled start.
    public func page(
        sport: String? = nil, status: GameStatus? = nil, from: Date? = nil, to: Date? = nil, limit: Int, offset: Int
    ) async throws -> (total: Int, games: [Game]) {
        let total: Int =
            try await database.query(
                """
                SELECT count(*)::bigint AS total FROM games
                WHERE (\(sport)::text IS NULL OR sport = \(sport)) AND (\(status)::text IS NULL OR status = \(status))
                  AND (\(from)::timestamptz IS NULL OR scheduled_at >= \(from)) AND (\(to)::timestamptz IS NULL OR scheduled_at < \(to))
                """
            ).first?.decode("total") ?? 0
        let games = try await database.query(
            """
            SELECT * FROM games
            WHERE (\(sport)::text IS NULL OR sport = \(sport)) AND (\(status)::text IS NULL OR status = \(status))
              AND (\(from)::timestamptz IS NULL OR scheduled_at >= \(from)) AND (\(to)::timestamptz IS NULL OR scheduled_at < \(to))
            ORDER BY scheduled_at, id
            LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.game)
        return (total, games)
    }
}
