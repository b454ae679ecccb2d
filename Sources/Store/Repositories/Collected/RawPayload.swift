import Essentials
import Foundation
import Postgres

/// A payload exactly as a collector fetched it, before validation, with its SHA-256.
public struct RawPayload: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The source (`the-odds-api`, `espn`, …).
    public var source: String
    /// The endpoint or request path within the source.
    public var endpoint: String
    /// When it was fetched.
    public var fetchedAt: Date
    /// The bytes as received.
    public let payload: Data
    /// The lowercase hex SHA-256 raw payloads are deduplicated by: of `payload` itself, or of a canonical form
    /// without fields that change on every fetch when the collector says so.
    public let payloadSHA256: String
    /// True when fetched by a historical backfill.
    public var isBackfill: Bool
    /// The job that fetched it.
    public var jobID: String?

    /// Creates a raw payload; `payloadSHA256` defaults to the hash of `payload`.
    public init(
        id: Int? = nil, source: String, endpoint: String = "", fetchedAt: Date, payload: Data, payloadSHA256: String? = nil,
        isBackfill: Bool = false, jobID: String? = nil
    ) {
        self.id = id
        self.source = source
        self.endpoint = endpoint
        self.fetchedAt = fetchedAt
        self.payload = payload
        self.payloadSHA256 = payloadSHA256 ?? Digest.sha256.hex(payload)
        self.isBackfill = isBackfill
        self.jobID = jobID
    }
}
