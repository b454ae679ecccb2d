import Essentials
import Foundation
import Store

/// A data-quality check result as admins see it (`GET /admin/quality/checks`).
struct DataQualityCheckView: Encodable, Sendable {
    var id: Int
    /// The rule (`odds_completeness`, `score_consistency`, `feature_completeness`, `freshness`).
    var checkName: String
    var sport: String?
    /// `pass`, `warn` or `fail`.
    var status: String
    /// What a failure triggers: `none`, `alert`, `manual_review` or `block_predictions`.
    var action: String
    var observedValue: Double?
    var threshold: Double?
    /// What else the check kept (the offending games, the sources).
    var details: [String: JSONValue]
    var jobId: String?
    var checkedAt: Date

    init(_ check: DataQualityCheck) {
        id = check.id ?? 0
        checkName = check.checkName
        sport = check.sport
        status = check.status.rawValue
        action = check.action.rawValue
        // JSON has no NaN or infinity.
        observedValue = check.observedValue.flatMap { $0.isFinite ? $0 : nil }
        threshold = check.threshold.flatMap { $0.isFinite ? $0 : nil }
        details = check.details
        jobId = check.jobID
        checkedAt = check.checkedAt
    }
}
