import Postgres

extension PostgresDatabase {
    /// Runs `statement`, which writes the rows of `batch`, and returns the rows it affected.
    ///
    /// An empty batch returns 0 without a round trip: the statement is not even built.
    func write(_ batch: some Collection, _ statement: () throws -> PostgresQuery) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await query(statement()).affectedRows
    }
}
