import Foundation
import Queue
import Store

/// The queue's archive hook: finished jobs go to PostgreSQL's `job_runs` in batches.
public enum JobRunArchiver {
    /// A hook for `Worker(archive:)` writing through `store`.
    public static func hook(store: Store) -> @Sendable ([JobRecord]) async throws -> Void {
        { records in
            try await store.jobRuns.write(records.compactMap { record in
                guard record.state.isFinished else { return nil }
                let errors = (try? JSONEncoder().encode(record.errors)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
                return JobRunRecord(
                    id: record.id, type: record.type, queue: record.queue, state: record.state.rawValue,
                    attempts: record.attempt, payload: record.payload, result: record.result, errors: errors,
                    createdAt: record.createdAt, startedAt: record.startedAt, finishedAt: record.finishedAt ?? Date())
            })
        }
    }
}
