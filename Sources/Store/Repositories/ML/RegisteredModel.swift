import Essentials
import Foundation
import Postgres

/// A trained model in the registry, with what it was trained on and how it scored.
public struct RegisteredModel: Sendable, Equatable {
    /// The database id; `nil` until registered.
    public var id: Int?
    /// The model family name (`nba_spread_meta`).
    public var name: String
    /// The version within the name.
    public var version: Int
    /// The sport code.
    public var sport: String
    /// What it predicts.
    public var betType: BetType
    /// The forecast it makes: at the market's open, or on game day. Each publication has its own champion.
    public var publication: PredictionPublication
    /// Its role.
    public var status: ModelStatus
    /// The feature-set version it was trained on.
    public var featureSetVersion: String
    /// The first day of training data.
    public var trainingStart: Date
    /// The last day of training data.
    public var trainingEnd: Date
    /// The hyperparameters used.
    public var hyperparameters: [String: JSONValue]
    /// Evaluation metrics by name (`accuracy`, `auc`, `log_loss`, `brier`, `ece`, `clv`).
    public var metrics: [String: Double]
    /// The serialized model.
    public var artifact: Data
    /// When it was registered; set by the database.
    public var createdAt: Date?
    /// When it last became champion.
    public var promotedAt: Date?
    /// When it was retired.
    public var retiredAt: Date?

    /// The lowercase hex SHA-256 of `artifact`.
    public var artifactSHA256: String { Digest.sha256.hex(artifact) }

    /// Creates a model record.
    public init(
        id: Int? = nil, name: String, version: Int, sport: String, betType: BetType, publication: PredictionPublication,
        status: ModelStatus = .challenger,
        featureSetVersion: String, trainingStart: Date, trainingEnd: Date, hyperparameters: [String: JSONValue] = [:],
        metrics: [String: Double] = [:], artifact: Data, createdAt: Date? = nil, promotedAt: Date? = nil,
        retiredAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.sport = sport
        self.betType = betType
        self.publication = publication
        self.status = status
        self.featureSetVersion = featureSetVersion
        self.trainingStart = trainingStart
        self.trainingEnd = trainingEnd
        self.hyperparameters = hyperparameters
        self.metrics = metrics
        self.artifact = artifact
        self.createdAt = createdAt
        self.promotedAt = promotedAt
        self.retiredAt = retiredAt
    }
}
