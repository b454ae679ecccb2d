import Essentials
import Foundation
import HTTPTypes
import Postgres
import Queue
import Store

/// The body of `POST /api/v1/jobs`.
struct JobSubmission: Decodable, Sendable {
    var type: String
    var payload: JSONValue?
    var queue: String?
    var priority: Int?
    /// ISO 8601; parsed here so a bad value is reported against its field.
    var runAt: String?
    var idempotencyKey: String?
    var dependsOn: [String]?
    var onParentFailure: String?
    var maxAttempts: Int?
    var timeoutSeconds: Double?

    /// The queue request, its fields parsed; a bad field is a 400 that names it. The queue's own checks
    /// (`ValidatedJobRequest`) run once, in the route.
    func request() throws -> JobRequest {
        let policy: JobRequest.ParentFailurePolicy
        switch onParentFailure {
        case nil: policy = .cancel
        case let text?:
            guard let value = JobRequest.ParentFailurePolicy(rawValue: text) else {
                throw APIError.validation("on_parent_failure must be \"cancel\" or \"fail\"", field: "on_parent_failure")
            }
            policy = value
        }
        var timeout = Duration.seconds(1800)
        if let seconds = timeoutSeconds {
            guard seconds.isFinite, seconds >= 0.1, seconds <= 86_400 else {
                throw APIError.validation("timeout_seconds must be from 0.1 to 86400", field: "timeout_seconds")
            }
            timeout = .milliseconds(Int64(seconds * 1000))
        }
        var runDate: Date?
        if let runAt {
            guard let date = QueryDate.timestamp(runAt) else {
                throw APIError.validation("run_at must be an ISO 8601 timestamp such as 2026-03-01T18:00:00Z", field: "run_at")
            }
            guard abs(date.timeIntervalSinceNow) <= 366 * 86_400 else {
                throw APIError.validation("run_at must be within a year of now", field: "run_at")
            }
            runDate = date
        }
        guard (dependsOn?.count ?? 0) <= 100 else {
            throw APIError.validation("depends_on may list at most 100 jobs", field: "depends_on")
        }
        return JobRequest(
            type: type, queue: queue ?? "default", payload: (payload ?? .object([:])).text, priority: priority ?? 0,
            runAt: runDate, maxAttempts: maxAttempts ?? 5, timeout: timeout, idempotencyKey: idempotencyKey,
            dependsOn: dependsOn ?? [], onParentFailure: policy)
    }
}
