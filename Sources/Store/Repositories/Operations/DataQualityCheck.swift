import Essentials
import Foundation
import Postgres

/// One run of a data-quality rule (odds completeness, score consistency, feature completeness, freshness).
public struct DataQualityCheck: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The rule (`odds_completeness`).
    public var checkName: String
    /// The sport it covered, if one.
    public var sport: String?
    /// Pass, warn or fail.
    public var status: DataQualityStatus
    /// What the failure triggers.
    public var action: DataQualityAction
    /// The measured value (0.93 of games with odds).
    public var observedValue: Double?
    /// The threshold it was held to (0.90).
    public var threshold: Double?
    /// Anything else worth keeping (offending game ids, sources).
    public var details: [String: JSONValue]
    /// The job that ran it.
    public var jobID: String?
    /// When it ran.
    public var checkedAt: Date

    /// Creates a check result.
    public init(
        id: Int? = nil, checkName: String, sport: String? = nil, status: DataQualityStatus,
        action: DataQualityAction = .none, observedValue: Double? = nil, threshold: Double? = nil,
        details: [String: JSONValue] = [:], jobID: String? = nil, checkedAt: Date
    ) {
        self.id = id
        self.checkName = checkName
        self.sport = sport
        self.status = status
        self.action = action
        self.observedValue = observedValue
        self.threshold = threshold
        self.details = details
        self.jobID = jobID
        self.checkedAt = checkedAt
    }
}
