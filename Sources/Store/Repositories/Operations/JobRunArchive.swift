import Foundation
import Postgres

/// Writes finished jobs into `job_runs` in batches; the queue's archive hook calls `write(_:)`.
///
/// Idempotent on the job id: archiving a record again (a retried flush, a job re-run from the dead
/// set) replaces the earlier record instead of failing or duplicating it.
public struct JobRunArchive: Sendable {
    /// Records per `INSERT` statement.
    public static let batchSize = 500

    let database: any PostgresDatabase


    /// Archives `records`, `batchSize` per statement, all in one transaction; returns how many were written.
    @discardableResult
    public func write(_ records: [JobRunRecord]) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        // A batch may name a job twice (re-run and finished again before a flush); the last record wins.
        var latest: [String: Int] = [:]
        for (index, record) in records.enumerated() { latest[record.id] = index }
        let unique = latest.values.sorted().map { records[$0] }
        return try await database.withTransaction(isolation: #isolation) { connection in
            var written = 0
            for start in stride(from: 0, to: unique.count, by: Self.batchSize) {
                let batch = Array(unique[start..<min(start + Self.batchSize, unique.count)])
                written += try await connection.query(
                    """
                    INSERT INTO job_runs (id, type, queue, state, attempts, payload, result, errors, created_at,
                                          started_at, finished_at)
                    SELECT id, type, queue, state, attempts, payload::jsonb, result::jsonb, errors::jsonb, created_at,
                           started_at, finished_at
                    FROM unnest(\(batch.map(\.id))::text[], \(batch.map(\.type))::text[], \(batch.map(\.queue))::text[],
                                \(batch.map(\.state))::text[], \(batch.map(\.attempts))::int[],
                                \(batch.map(\.payload))::text[], \(batch.map(\.result))::text[],
                                \(batch.map(\.errors))::text[], \(batch.map(\.createdAt))::timestamptz[],
                                \(batch.map(\.startedAt))::timestamptz[], \(batch.map(\.finishedAt))::timestamptz[])
                         AS r(id, type, queue, state, attempts, payload, result, errors, created_at, started_at,
                              finished_at)
                    ON CONFLICT (id) DO UPDATE SET
                        type = EXCLUDED.type, queue = EXCLUDED.queue, state = EXCLUDED.state,
                        attempts = EXCLUDED.attempts, payload = EXCLUDED.payload, result = EXCLUDED.result,
                        errors = EXCLUDED.errors, created_at = EXCLUDED.created_at, started_at = EXCLUDED.started_at,
                        finished_at = EXCLUDED.finished_at, archived_at = now()
                    """
                ).affectedRows
            }
            return written
        }
    }

    /// The archived record of job `id`.
    public func find(id: String) async throws -> JobRunRecord? {
        try await database.query("SELECT * FROM job_runs WHERE id = \(id)").rows.first.map(Self.record)
    }

    /// The latest archived runs of a job type, newest first.
    public func runs(type: String, limit: Int = 100) async throws -> [JobRunRecord] {
        try await database.query(
            "SELECT * FROM job_runs WHERE type = \(type) ORDER BY finished_at DESC, id DESC LIMIT \(limit)"
        ).map(Self.record)
    }

    private static func record(_ row: PostgresRow) throws -> JobRunRecord {
        JobRunRecord(
            id: try row.decode("id"), type: try row.decode("type"), queue: try row.decode("queue"),
            state: try row.decode("state"), attempts: try row.decode("attempts"), payload: try row.decode("payload"),
            result: try row.decode("result"), errors: try row.decode("errors"), createdAt: try row.decode("created_at"),
            startedAt: try row.decode("started_at"), finishedAt: try row.decode("finished_at"))
    }
}
