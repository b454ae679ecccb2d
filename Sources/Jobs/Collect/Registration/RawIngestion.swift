import Postgres
import Store

/// Raw storage: every payload exactly as fetched, once per content (`PayloadFingerprint`).
enum RawIngestion {
    /// Stores `response`'s body unless a payload with the same content from the same source is already stored
    /// (volatile fields aside); returns true when it stored it.
    static func store(_ response: UpstreamResponse, isBackfill: Bool, jobID: String, in database: any PostgresDatabase) async throws -> Bool
    {
        let raw = RawPayload(
            source: response.source, endpoint: response.endpoint, fetchedAt: response.fetchedAt, payload: response.body,
            payloadSHA256: PayloadFingerprint.sha256(of: response.body, source: response.source), isBackfill: isBackfill, jobID: jobID)
        return try await database.rawIngest.insertIfNew(raw)
    }
}
