import Foundation
import Postgres

extension PostgresDatabase {
    /// Runs a job's writes effectively once: in one transaction that also records `jobID` in `job_effects`.
    ///
    /// A redelivered job (same id) finds its id and writes nothing: the result is `.alreadyApplied`. If
    /// `body` throws, the transaction rolls back, the id is not recorded, and a retry may apply it. Two
    /// deliveries running at once serialize on the `job_effects` primary key; exactly one applies.
    ///
    /// ```swift
    /// let outcome = try await store.withJobEffect(jobID: job.id) { tx in
    ///     try await tx.odds.insert(snapshots)
    /// }
    /// ```
    public func withJobEffect<T>(
        jobID: String,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> JobEffectOutcome<T> {
        try await withTransaction(isolation: isolation) { connection in
            let claimed = try await connection.execute(JobEffects.claim, jobID)
            guard claimed.affectedRows == 1 else { return .alreadyApplied }
            return .applied(try await body(connection))
        }
    }

    /// True when job `jobID` has committed its effects.
    public func hasJobEffect(jobID: String) async throws -> Bool {
        try await query("SELECT EXISTS (SELECT 1 FROM job_effects WHERE job_id = \(jobID)) AS found")
            .first?.decode(Bool.self, "found") ?? false
    }

    /// Deletes job-effect records older than `date`; returns how many. Keep them longer than any job can
    /// be redelivered (its lease, retries and dead-set retention), or a late redelivery would apply twice.
    @discardableResult
    public func pruneJobEffects(appliedBefore date: Date) async throws -> Int {
        try await query("DELETE FROM job_effects WHERE applied_at < \(date)").affectedRows
    }
}
