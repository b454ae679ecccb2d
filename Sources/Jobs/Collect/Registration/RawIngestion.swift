import Store

/// Raw storage: every payload exactly as fetched, with its hash, once.
enum RawIngestion {
    /// Stores `response`'s body unless a payload with the same hash from the same source is already stored;
    /// returns true when it stored it.
    static func store(_ response: UpstreamResponse, isBackfill: Bool, jobID: String, in database: any PostgresDatabase) async throws -> Bool
    {
        let raw = RawPayload(
            source: response.source, endpoint: response.endpoint, fetchedAt: response.fetchedAt, payload: response.body,
            isBackfill: isBackfill, jobID: jobID)
        return try await database.rawIngest.insertIfNew(raw)
    }
}
