/// The outcome of one statement: its rows (if any) and how many rows it affected.
public struct PostgresResult: Sendable {
    /// The returned rows, copied out of libpq's result.
    public let rows: [PostgresRow]
    /// Rows inserted, updated, deleted, copied or selected, as the server reported.
    public let affectedRows: Int

    /// Decodes every row with `transform`.
    public func map<T>(_ transform: (PostgresRow) throws -> T) throws -> [T] {
        try rows.map(transform)
    }

    /// The first row, if any.
    public var first: PostgresRow? { rows.first }
}
