import Foundation
import Postgres

/// Keeps raw payloads in `raw_ingest`.
public struct RawIngestRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores a payload; returns its id.
    @discardableResult
    public func insert(_ raw: RawPayload) async throws -> Int {
        try await database.query(
            """
            INSERT INTO raw_ingest (source, endpoint, fetched_at, payload, payload_sha256, is_backfill, job_id)
            VALUES (\(raw.source), \(raw.endpoint), \(raw.fetchedAt), \(raw.payload), \(raw.payloadSHA256),
                    \(raw.isBackfill), \(raw.jobID))
            RETURNING id
            """
        ).returnedID()
    }

    /// Stores a payload unless one with the same source and hash is stored already; returns
    /// whether this call stored it. Concurrent callers with the same payload store it once.
    public func insertIfNew(_ raw: RawPayload) async throws -> Bool {
        try await database.query(
            """
            INSERT INTO raw_ingest (source, endpoint, fetched_at, payload, payload_sha256, is_backfill, job_id)
            VALUES (\(raw.source), \(raw.endpoint), \(raw.fetchedAt), \(raw.payload), \(raw.payloadSHA256),
                    \(raw.isBackfill), \(raw.jobID))
            ON CONFLICT (source, payload_sha256) DO NOTHING
            RETURNING id
            """
        ).rows.count == 1
    }

    /// The payload with `id`.
    public func find(id: Int) async throws -> RawPayload? {
        try await database.query("SELECT * FROM raw_ingest WHERE id = \(id)").rows.first.map(Self.payload)
    }

    /// The newest payload `source` sent from `endpoint`, with or without a query string.
    public func latest(source: String, endpoint: String) async throws -> RawPayload? {
        try await database.query(
            """
            SELECT * FROM raw_ingest
            WHERE source = \(source) AND (endpoint = \(endpoint) OR endpoint LIKE \(endpoint + "?%"))
            ORDER BY fetched_at DESC, id DESC LIMIT 1
            """
        ).rows.first.map(Self.payload)
    }

    /// True when a payload with this hash was already stored from `source` (to skip unchanged fetches).
    public func contains(source: String, payloadSHA256: String) async throws -> Bool {
        try await database.query(
            "SELECT EXISTS (SELECT 1 FROM raw_ingest WHERE payload_sha256 = \(payloadSHA256) AND source = \(source)) AS found"
        ).first?.decode(Bool.self, "found") ?? false
    }

    /// When `source` was last fetched, if ever.
    public func latestFetch(source: String) async throws -> Date? {
        try await database.query(
            "SELECT fetched_at FROM raw_ingest WHERE source = \(source) ORDER BY fetched_at DESC LIMIT 1"
        ).first?.decode(Date.self, "fetched_at")
    }

    private static func payload(_ row: PostgresRow) throws -> RawPayload {
        RawPayload(
            id: try row.decode("id"), source: try row.decode("source"), endpoint: try row.decode("endpoint"),
            fetchedAt: try row.decode("fetched_at"), payload: try row.decode("payload"), payloadSHA256: try row.decode("payload_sha256"),
            isBackfill: try row.decode("is_backfill"), jobID: try row.decode("job_id"))
    }
}
