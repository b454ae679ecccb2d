import Foundation
import Postgres

extension OddsRepository {
    /// A game's snapshots, newest first, optionally of one market and one book, one page; and how many match.
    public func history(
        gameID: Int, market: String? = nil, bookmaker: String? = nil, limit: Int, offset: Int
    ) async throws -> (total: Int, snapshots: [OddsSnapshot]) {
        let total: Int =
            try await database.query(
                """
                SELECT count(*)::bigint AS total FROM odds
                WHERE game_id = \(gameID) AND (\(market)::text IS NULL OR market = \(market))
                  AND (\(bookmaker)::text IS NULL OR bookmaker = \(bookmaker))
                """
            ).first?.decode("total") ?? 0
        let snapshots = try await database.query(
            """
            SELECT * FROM odds
            WHERE game_id = \(gameID) AND (\(market)::text IS NULL OR market = \(market))
              AND (\(bookmaker)::text IS NULL OR bookmaker = \(bookmaker))
            ORDER BY recorded_at DESC, id DESC
            LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.snapshot)
        return (total, snapshots)
    }
}
