import Foundation
import Postgres

extension GameRepository {
    /// The orders a page of games can be read in.
    public enum Order: String, SQLSortField {
        case scheduledAt = "scheduled_at"
        case updatedAt = "updated_at"
        case sport
        case status

        public var column: String { rawValue }
    }

    /// Games matching the filters (any that is nil does not filter), one page in `order` (start order unless
    /// told otherwise); and how many match in all. `from..<to` bounds the scheduled start.
    public func page(
        sport: String? = nil, status: GameStatus? = nil, from: Date? = nil, to: Date? = nil,
        order: ListOrder<Order> = ListOrder(.scheduledAt, ascending: true), limit: Int, offset: Int
    ) async throws -> (total: Int, games: [Game]) {
        let conditions: PostgresQuery = """
            (\(sport)::text IS NULL OR sport = \(sport)) AND (\(status)::text IS NULL OR status = \(status))
            AND (\(from)::timestamptz IS NULL OR scheduled_at >= \(from)) AND (\(to)::timestamptz IS NULL OR scheduled_at < \(to))
            """
        let page = try await database.page(
            select: "*", from: "games", where: conditions, order: order, tiebreak: "id", limit: limit, offset: offset, row: Self.game)
        return (page.total, page.rows)
    }
}
