import Foundation
import Postgres

/// A promotion decision, a rollback or a drift finding, logged with the numbers behind it.
public struct ModelEvent: Sendable, Equatable {
    /// What happened to the model.
    public enum Kind: String, Sendable, PostgresTextEnum {
        /// Became champion.
        case promoted
        /// Stayed a challenger: failed a threshold or did not beat the champion.
        case keptChallenger = "kept_challenger"
        /// Lost the champion role to a rollback trigger.
        case rolledBack = "rolled_back"
        /// Became champion again because its successor was rolled back.
        case reinstated
        /// Passed every threshold and became a promotion request, in shadow until reviewed.
        case promotionRequested = "promotion_requested"
        /// Its promotion request was rejected by an admin.
        case rejected
        /// Its pending promotion request gave way to a newer challenger's.
        case superseded
        /// The drift monitor found features that moved significantly since the model's training.
        case driftDetected = "drift_detected"
    }

    /// The database id; `nil` until logged.
    public var id: Int?
    /// The model concerned.
    public var modelID: Int
    /// What happened.
    public var kind: Kind
    /// Why, in words.
    public var reason: String
    /// The figures compared.
    public var details: [String: Double]
    /// When; set by the database.
    public var createdAt: Date?

    /// An event.
    public init(id: Int? = nil, modelID: Int, kind: Kind, reason: String, details: [String: Double] = [:], createdAt: Date? = nil) {
        self.id = id
        self.modelID = modelID
        self.kind = kind
        self.reason = reason
        self.details = details
        self.createdAt = createdAt
    }
}
