import Essentials
import Foundation
import Store

/// A registry entry as the API shows it: what it was trained on, how it scored, and what happened to it.
struct ModelView: Codable, Sendable {
    struct Event: Codable, Sendable {
        var kind: String
        var reason: String
        var details: [String: Double]
        var createdAt: Date?
    }

    var id: Int
    var name: String
    var version: Int
    var sport: String
    var betType: String
    /// The forecast it makes: `open` (when the market opens) or `game_day`.
    var publication: String
    var status: String
    var featureSetVersion: String
    var trainingStart: Date
    var trainingEnd: Date
    /// The learners' settings it was trained with.
    var hyperparameters: [String: JSONValue]
    var metrics: [String: Double]
    var artifactSha256: String
    var artifactBytes: Int
    var reportUrl: String?
    var createdAt: Date
    var promotedAt: Date?
    var retiredAt: Date?
    var events: [Event]?

    init(_ m: ModelSummary, events: [ModelEvent]? = nil) {
        id = m.id
        name = m.name
        version = m.version
        sport = m.sport
        betType = m.betType.rawValue
        publication = m.publication.rawValue
        status = m.status.rawValue
        featureSetVersion = m.featureSetVersion
        trainingStart = m.trainingStart
        trainingEnd = m.trainingEnd
        hyperparameters = m.hyperparameters
        metrics = m.metrics.finiteValues
        artifactSha256 = m.artifactSHA256
        artifactBytes = m.artifactBytes
        reportUrl = Self.reportURL(of: m)
        createdAt = m.createdAt
        promotedAt = m.promotedAt
        retiredAt = m.retiredAt
        self.events = events?.map {
            Event(kind: $0.kind.rawValue, reason: $0.reason, details: $0.details.finiteValues, createdAt: $0.createdAt)
        }
    }

    /// Where `GET /models/{id}/report` serves the model's evaluation page; nil when it has none.
    static func reportURL(of model: ModelSummary) -> String? {
        model.hasReport ? "/api/v1/models/\(model.id)/report" : nil
    }
}
