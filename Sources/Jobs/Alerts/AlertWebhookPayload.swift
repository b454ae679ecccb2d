import Foundation
import Store

/// The JSON body of one delivery: a user's new alerts, oldest first, each with the pick it announces as the inbox shows
/// it. A receiver that gets an alert twice (a delivery is retried when no 2xx came back) tells it by its `id`.
struct AlertWebhookPayload: Encodable {
    /// `alerts.new`.
    let type = "alerts.new"
    /// Where the picks' prices come from: `simulated` and `replayed` picks are no bets in a live market.
    let market: MarketSource
    let alerts: [Alert]

    struct Alert: Encodable {
        let id: Int
        let createdAt: Date
        /// Where the API opens it (counted as a click-through).
        let url: String
        let pick: AlertedPick
    }

    init(_ alerts: [PickAlert], market: MarketSource) {
        self.market = market
        self.alerts = alerts.map { Alert(id: $0.id, createdAt: $0.createdAt, url: "/api/v1/alerts/\($0.id)", pick: $0.pick) }
    }

    /// The body as sent: snake_case keys, ISO 8601 times, keys sorted so the signed bytes are stable.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(self)
    }
}
