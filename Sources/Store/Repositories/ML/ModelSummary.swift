import Essentials
import Foundation

/// A registry entry without its artifact, for listings.
public struct ModelSummary: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var version: Int
    public var sport: String
    public var betType: BetType
    /// The forecast it makes: at the market's open, or on game day.
    public var publication: PredictionPublication
    public var status: ModelStatus
    public var featureSetVersion: String
    public var trainingStart: Date
    public var trainingEnd: Date
    /// The learners' settings it was trained with (`RegisteredModel.hyperparameters`).
    public var hyperparameters: [String: JSONValue]
    public var metrics: [String: Double]
    /// The lowercase hex SHA-256 of the artifact, and its size in bytes.
    public var artifactSHA256: String
    public var artifactBytes: Int
    /// Whether an evaluation report is stored.
    public var hasReport: Bool
    public var createdAt: Date
    public var promotedAt: Date?
    public var retiredAt: Date?
}
