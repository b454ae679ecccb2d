import Foundation
import Postgres

extension OddsRepository {
    /// The orders a page of a game's odds can be read in.
    public enum Order: String, SQLSortField {
        case recordedAt = "recorded_at"
        case price
        case bookmaker
        case market

        public var column: String { rawValue }
    }

    /// A game's snapshots, optionally of one market and one book, one page in `order` (newest first unless told
    /// otherwise); and how many match.
    public func history(
        gameID: Int, market: String? = nil, bookmaker: String? = nil, order: ListOrder<Order> = ListOrder(.recordedAt),
        limit: Int, offset: Int
    ) async throws -> (total: Int, snapshots: [OddsSnapshot]) {
        let conditions: PostgresQuery = """
            game_id = \(gameID) AND (\(market)::text IS NULL OR market = \(market))
            AND (\(bookmaker)::text IS NULL OR bookmaker = \(bookmaker))
            """
        let page = try await database.page(
            select: "*", from: "odds", where: conditions, order: order, tiebreak: "id", limit: limit, offset: offset, row: Self.snapshot)
        return (page.total, page.rows)
    }
}
