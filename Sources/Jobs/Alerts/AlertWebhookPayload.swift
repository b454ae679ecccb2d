import Foundation
import Store

/// The JSON body of one delivery: a user's new alerts, oldest first, each with the pick it announces. A receiver
/// that gets an alert twice (a delivery is retried when no 2xx came back) tells it by its `id`.
struct AlertWebhookPayload: Encodable {
    /// `alerts.new`.
    let type = "alerts.new"
    let alerts: [Alert]

    struct Alert: Encodable {
        let id: Int
        let createdAt: Date
        /// Where the API opens it (counted as a click-through).
        let url: String
        let pick: Pick
    }

    struct Pick: Encodable {
        let predictionId: Int
        let gameId: Int
        let sport: String
        let betType: String
        let selection: String
        let line: Double?
        let price: Double?
        let edge: Double
        let tier: String
        let publication: String
        let scheduledAt: Date
        let homeTeam: String
        let awayTeam: String
    }

    init(_ alerts: [PickAlert]) {
        self.alerts = alerts.map { alert in
            Alert(
                id: alert.id, createdAt: alert.createdAt, url: "/api/v1/alerts/\(alert.id)",
                pick: Pick(
                    predictionId: alert.predictionID, gameId: alert.gameID, sport: alert.sport, betType: alert.betType.rawValue,
                    selection: alert.selection, line: alert.line, price: alert.price, edge: alert.edge, tier: alert.tier.rawValue,
                    publication: alert.publication.rawValue, scheduledAt: alert.scheduledAt, homeTeam: alert.homeTeam,
                    awayTeam: alert.awayTeam))
        }
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
