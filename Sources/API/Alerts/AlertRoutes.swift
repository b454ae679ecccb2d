import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `/alerts`: each signed-in user's alerts to new picks (seed 5.2's alert engagement), and the rules that raise them.
///
/// A rule names a sport, a market and a lowest tier (`POST /alerts/rules`); each `predict` run raises an alert per
/// user and new matching pick, once. `GET /alerts` is the inbox, `GET /alerts/{id}` opens one: it shows the
/// prediction in full and records the opening, which `GET /admin/engagement` counts as a click-through. A webhook
/// (`POST /alerts/webhook`) has them POSTed to the caller's endpoint as well. Everything is
/// scoped to the caller (another user's alert or rule is 404) and read from the primary, so an opening is seen at once.
struct AlertRoutes: Sendable {
    let database: any PostgresDatabase
    let predictions: PredictionReader
    let maxBodySize: Int
    /// `APIConfiguration.webhookPrivateHosts`.
    var webhookPrivateHosts = false
    /// Seals each webhook's signing secret before it is stored.
    let webhookSecrets: SecretSealing
    /// Where the alerted picks' prices come from (`meta.market` on the inbox and an opened alert).
    var market: MarketSource = .live

    func register(on group: RouteRegistrar) {
        group.get("alerts", use: list)
        group.get("alerts/rules", use: rules)
        group.post("alerts/rules", use: addRule)
        group.delete("alerts/rules/{id}", use: deleteRule)
        group.get("alerts/webhook", use: webhook)
        group.post("alerts/webhook", use: setWebhook)
        group.delete("alerts/webhook", use: deleteWebhook)
        group.get("alerts/{id}", use: open)
    }

    /// `unread=true`: only the alerts not opened yet.
    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[PickAlertView], PageMeta> {
        let user = try context.requireUserID()
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let unread = try QueryFilters.flag(query, "unread") ?? false
        let page = try await database.alerts.alerts(userID: user, unread: unread, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.alerts.map { PickAlertView($0) }, meta: pagination.meta(total: page.total), market: market)
    }

    @Sendable func open(_ request: Request, context: APIRequestContext) async throws -> Envelope<PickAlertView, EmptyMeta> {
        let user = try context.requireUserID()
        let id = try QueryFilters.pathID(context, label: "the alert id")
        guard let alert = try await database.alerts.open(id: id, userID: user) else {
            throw APIError.notFound("Alert", id: id, code: "ALERT_NOT_FOUND", key: "alert_id")
        }
        let prediction = try await predictions.find(id: alert.pick.predictionID, consistency: .primary)
        return Envelope(data: PickAlertView(alert, prediction: prediction), meta: EmptyMeta(), market: market)
    }

    @Sendable func rules(_ request: Request, context: APIRequestContext) async throws -> Envelope<[AlertRuleView], EmptyMeta> {
        let user = try context.requireUserID()
        return Envelope(data: try await database.alerts.rules(userID: user).map(AlertRuleView.init), meta: EmptyMeta())
    }

    /// 201 with the rule; 409 when the caller has one for that sport and market, or `AlertRepository.maximumRules`.
    @Sendable func addRule(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Envelope<AlertRuleView, EmptyMeta>> {
        let user = try context.requireUserID()
        var request = request
        let rule = try await request.decodeJSON(AlertRuleRequest.self, context: context, limit: maxBodySize).rule(userID: user)
        switch try await database.alerts.add(rule) {
        case .added(let added):
            return EditedResponse(status: .created, response: Envelope(data: AlertRuleView(added), meta: EmptyMeta()))
        case .duplicate:
            throw APIError(
                .conflict, code: "ALERT_RULE_EXISTS", "you have a rule for that sport and market already; delete it to change it",
                details: ["sport": rule.sport.map { .string($0) } ?? .null, "bet_type": rule.betType.map { .string($0.rawValue) } ?? .null])
        case .tooMany:
            throw APIError(
                .conflict, code: "TOO_MANY_ALERT_RULES", "a user keeps at most \(AlertRepository.maximumRules) alert rules",
                details: ["limit": .integer(Int64(AlertRepository.maximumRules))])
        }
    }

    /// 204; the alerts the rule raised stay.
    @Sendable func deleteRule(_ request: Request, context: APIRequestContext) async throws -> Response {
        let user = try context.requireUserID()
        let id = try QueryFilters.pathID(context, label: "the alert rule id")
        guard try await database.alerts.deleteRule(id: id, userID: user) else {
            throw APIError.notFound("Alert rule", id: id, code: "ALERT_RULE_NOT_FOUND", key: "rule_id")
        }
        return Response(status: .noContent)
    }
}
