/// One row of a query result, in text format, with its column names.
public struct PostgresRow: Sendable {
    /// The result's column names, in order.
    public let columns: PostgresColumns
    /// The row's values in text format (`nil` for SQL `NULL`).
    public let values: [String?]

    /// Decodes the column named `column` as the type the context expects.
    public func decode<T: PostgresDecodable>(_ column: String) throws -> T {
        try decode(T.self, column)
    }

    /// Decodes the column named `column` as `T` (use an optional type for nullable columns).
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T {
        guard let index = columns.index(of: column) else {
            throw StoreError(.decoding, message: "no column '\(column)' in result (\(columns.names.joined(separator: ", ")))")
        }
        return try decode(type, at: index)
    }

    /// Decodes the column at `index` as `T` (use an optional type for nullable columns).
    public func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
        guard values.indices.contains(index) else {
            throw StoreError(.decoding, message: "column index \(index) out of range (\(values.count) columns)")
        }
        do {
            guard let text = values[index] else { return try T.decodeNull() }
            return try T.decode(postgresText: text)
        } catch let failure as PostgresDecodingFailure {
            throw StoreError(.decoding, message: "column '\(columns.names[index])': \(failure.reason)")
        }
    }
}
