import Foundation
import Postgres

/// A challenger that passed every threshold, waiting for an admin to approve or reject its promotion (ML guide 2.7,
/// steps 2–6); while it waits its model is in `shadow`.
public struct PromotionRequest: Sendable, Equatable {
    /// Where the request stands.
    public enum Status: String, Sendable, CaseIterable, PostgresTextEnum {
        /// Waiting for review; the model is in shadow.
        case pending
        /// Approved: the model was promoted.
        case approved
        /// Rejected: the model went back to challenger.
        case rejected
        /// A newer challenger's request replaced it before anyone decided.
        case superseded
    }

    /// The database id.
    public var id: Int
    /// The model that would be promoted.
    public var modelID: Int
    /// The champion it would replace when the request was made; `nil` when there was none.
    public var championID: Int?
    /// Where it stands.
    public var status: Status
    /// The challenger's evaluation figures (and the champion's log loss on the same games) behind the request.
    public var metrics: [String: Double]
    /// Why it was rejected or superseded.
    public var reason: String?
    /// The admin who decided it.
    public var decidedBy: UUID?
    /// When the calibrator made it.
    public var requestedAt: Date
    /// When it was decided or superseded.
    public var decidedAt: Date?
}
