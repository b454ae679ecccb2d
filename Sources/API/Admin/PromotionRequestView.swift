import Foundation
import Store

/// A promotion request as the admin API shows it: the model, the champion it would replace, the metrics behind it
/// and, while it runs in shadow, how its forecasts compare with the champion's on the settled games.
struct PromotionRequestView: Encodable, Sendable {
    /// The fields the list of requests can be sorted by.
    enum Order: String, InMemorySortField {
        case requestedAt = "requested_at"
        case sport

        /// Whether `a` comes before `b` in ascending order; ties fall back to the id.
        func ascends(_ a: PromotionRequestView, _ b: PromotionRequestView) -> Bool {
            switch self {
            case .requestedAt: (a.requestedAt, a.id) < (b.requestedAt, b.id)
            case .sport: (a.sport, a.betType, a.id) < (b.sport, b.betType, b.id)
            }
        }
    }

    /// One model's log loss, Brier score and ECE on the settled games.
    struct Quality: Encodable, Sendable {
        var count: Int
        var logLoss: Double?
        var brier: Double?
        var ece: Double?

        init(_ quality: ForecastQuality) {
            count = quality.count
            logLoss = quality.logLoss.finite
            brier = quality.brier.finite
            ece = quality.ece.finite
        }
    }

    /// The shadow period so far.
    struct Shadow: Encodable, Sendable {
        /// Forecasts stored, settled or not.
        var forecasts: Int
        /// The shadow model on every settled game.
        var settled: Quality
        /// The shadow model and the champion on the settled games both forecast.
        var paired: Paired
        /// The shadow's log loss minus the champion's on those games (negative: the shadow is better).
        var logLossDifference: Double?
        /// The settled games it is judged on (the paired ones when it replaces a champion) and the games required
        /// before an approval needs no force.
        var settledGames: Int
        var requiredGames: Int
        var complete: Bool
    }

    /// The two models on the same games.
    struct Paired: Encodable, Sendable {
        var shadow: Quality
        var champion: Quality
    }

    var id: Int
    var modelId: Int
    var modelName: String
    var sport: String
    var betType: String
    var modelStatus: String
    var championId: Int?
    var status: String
    var metrics: [String: Double]
    var reason: String?
    var decidedBy: String?
    var requestedAt: Date
    var decidedAt: Date?
    var reportUrl: String?
    var shadow: Shadow

    init(_ request: PromotionRequest, model: ModelSummary, comparison: ShadowComparison, requiredShadowGames: Int) {
        id = request.id
        modelId = request.modelID
        modelName = model.name
        sport = model.sport
        betType = model.betType.rawValue
        modelStatus = model.status.rawValue
        championId = request.championID
        status = request.status.rawValue
        metrics = request.metrics.finiteValues
        reason = request.reason
        decidedBy = request.decidedBy?.uuidString.lowercased()
        requestedAt = request.requestedAt
        decidedAt = request.decidedAt
        reportUrl = ModelView.reportURL(of: model)
        let period = ShadowPeriod(request, comparison: comparison, requiredGames: requiredShadowGames)
        shadow = Shadow(
            forecasts: comparison.forecasts, settled: Quality(comparison.shadow),
            paired: Paired(shadow: Quality(comparison.pairedShadow), champion: Quality(comparison.pairedChampion)),
            logLossDifference: comparison.logLossDifference.finite,
            settledGames: period.settledGames, requiredGames: period.requiredGames, complete: period.isComplete)
    }
}
