import Logging
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

    /// What `read` makes of `response`. A payload it refuses (a `CollectorError`: undecodable, or failing the
    /// collector's checks) is stored raw for inspection, once per content, and logged before its error is rethrown,
    /// so nothing of it reaches the curated tables.
    static func reading<Value>(
        _ response: UpstreamResponse, isBackfill: Bool, jobID: String, in database: any PostgresDatabase, logger: Logger,
        _ read: () throws -> Value
    ) async throws -> Value {
        do {
            return try read()
        } catch let error as CollectorError {
            let stored = try await store(response, isBackfill: isBackfill, jobID: jobID, in: database)
            logger.error("invalid upstream payload", metadata: ["error": "\(error)", "raw_stored": "\(stored)"])
            throw error
        }
    }
}
