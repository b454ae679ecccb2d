import Postgres

extension PostgresDatabase {
    /// One page of a list read from SQL, and how many rows match in all.
    ///
    /// - Parameters:
    ///   - select: The select list (`p.*, g.scheduled_at AS game_scheduled_at`).
    ///   - from: The `FROM` part, joins included, without the keyword.
    ///   - conditions: The `WHERE` condition, with its parameters.
    ///   - order: The page's order; `tiebreak` (a unique column) follows it, so pages never overlap.
    ///   - row: Decodes one row.
    public func page<Field: SQLSortField, Row>(
        select: String, from: String, where conditions: PostgresQuery, order: ListOrder<Field>, tiebreak: String,
        limit: Int, offset: Int, row: (PostgresRow) throws -> Row
    ) async throws -> (rows: [Row], total: Int) {
        let tail = " FROM " + from + " WHERE " + conditions.sql
        let total = try await query(PostgresQuery("SELECT count(*) AS total" + tail, binds: conditions.binds))
            .first.map { try $0.decode(Int.self, "total") } ?? 0
        let binds = conditions.binds + [limit.postgresBind, offset.postgresBind]
        let sql = "SELECT " + select + tail + " " + order.clause(tiebreak: tiebreak) + " LIMIT $\(binds.count - 1) OFFSET $\(binds.count)"
        return (try await query(PostgresQuery(sql, binds: binds)).map(row), total)
    }
}
