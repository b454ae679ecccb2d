import Foundation
import Store

/// An alert to a new pick, as the caller's inbox shows it; opening it (`GET /alerts/{id}`) adds the whole prediction.
struct PickAlertView: Encodable, Sendable {
    /// The pick, as a notification shows it.
    struct Pick: Encodable, Sendable {
        var predictionId: Int
        var gameId: Int
        var sport: String
        var betType: BetType
        var selection: String
        var line: Double?
        var price: Double?
        var edge: Double
        var tier: SignalTier
        var publication: PredictionPublication
        var scheduledAt: Date
        var homeTeam: String
        var awayTeam: String
    }

    var id: Int
    var ruleId: Int?
    var createdAt: Date
    var openedAt: Date?
    var pick: Pick
    /// The prediction in full, when the alert is opened.
    var prediction: PredictionView?

    init(_ alert: PickAlert, prediction: PredictionView? = nil) {
        id = alert.id
        ruleId = alert.ruleID
        createdAt = alert.createdAt
        openedAt = alert.openedAt
        pick = Pick(
            predictionId: alert.predictionID, gameId: alert.gameID, sport: alert.sport, betType: alert.betType, selection: alert.selection,
            line: alert.line, price: alert.price, edge: alert.edge, tier: alert.tier, publication: alert.publication,
            scheduledAt: alert.scheduledAt, homeTeam: alert.homeTeam, awayTeam: alert.awayTeam)
        self.prediction = prediction
    }
}
