import Postgres
extension PostgresResult {
    /// The `id` column of the first row, as `INSERT … RETURNING id` yields it.
    func returnedID() throws -> Int {
        guard let row = first else { throw StoreError(.decoding, message: "statement returned no id") }
        return try row.decode(Int.self, "id")
    }
}
