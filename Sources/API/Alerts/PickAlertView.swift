import Foundation
import Store

/// An alert to a new pick, as the caller's inbox shows it; opening it (`GET /alerts/{id}`) adds the whole prediction.
struct PickAlertView: Encodable, Sendable {
    var id: Int
    var ruleId: Int?
    var createdAt: Date
    var openedAt: Date?
    /// The pick, as a notification (and a webhook delivery) shows it.
    var pick: AlertedPick
    /// The prediction in full, when the alert is opened.
    var prediction: PredictionView?

    init(_ alert: PickAlert, prediction: PredictionView? = nil) {
        id = alert.id
        ruleId = alert.ruleID
        createdAt = alert.createdAt
        openedAt = alert.openedAt
        pick = alert.pick
        self.prediction = prediction
    }
}
