import Postgres

extension PostgresDatabase {
    /// The rows of `query` as a dictionary from the column `key` to the column `value`; a key on more than one row
    /// keeps the last row's value.
    func dictionary<Key: PostgresDecodable & Hashable, Value: PostgresDecodable>(
        _ query: PostgresQuery, key: String, value: String
    ) async throws -> [Key: Value] {
        var values: [Key: Value] = [:]
        for row in try await self.query(query).rows {
            values[try row.decode(key)] = try row.decode(value)
        }
        return values
    }
}
