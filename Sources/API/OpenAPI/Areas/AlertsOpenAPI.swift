import OpenAPIKit

/// Each user's alerts to new picks and the rules that raise them.
enum AlertsOpenAPI: OpenAPIArea {
    static let tag = "alerts"

    private static let id: [OpenAPI.Parameter] = [.path(name: "id", schema: S.rowID)]

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/alerts": get(
                operation(
                    "The caller's alerts to new picks, newest first; unread=true: only those not opened yet.",
                    parameters: OpenAPIParameters.pagination + [.query(name: "unread", schema: S.string(enumeration: ["true", "false"]))],
                    responses: [200: .json(S.pricedPage(S.reference("PickAlert")))], errors: [400, 401, 429])),
            "/api/v1/alerts/{id}": get(
                operation(
                    "Open one of the caller's alerts: the pick with its prediction in full. The first opening is recorded (the "
                        + "click-through GET /admin/engagement counts). 404 ALERT_NOT_FOUND.",
                    parameters: id, responses: [200: .json(S.priced(S.reference("PickAlert")))], errors: [400, 401, 404, 429])),
            "/api/v1/alerts/rules": .pathItem(
                .init(
                    get: operation(
                        "The caller's alert rules, oldest first.", responses: [200: .json(S.envelope(S.array(S.reference("AlertRule"))))],
                        errors: [401, 429]),
                    post: operation(
                        "Alert me to new picks of a sport (all when absent) and market (all when absent) of min_tier or better. Each "
                            + "prediction run raises an alert per new matching pick, once. 409 ALERT_RULE_EXISTS for a second rule of the "
                            + "same sport and market, TOO_MANY_ALERT_RULES past 20.",
                        body: S.reference("AlertRuleRequest"), example: AnyCodable(["sport": "nba", "min_tier": "B"]),
                        responses: [201: .json(S.envelope(S.reference("AlertRule")))], errors: [400, 401, 409, 413, 429]))),
            "/api/v1/alerts/rules/{id}": .pathItem(
                .init(
                    delete: operation(
                        "Delete one of the caller's alert rules; the alerts it raised stay. 404 ALERT_RULE_NOT_FOUND.", parameters: id,
                        responses: [204: .response(description: "Deleted")], errors: [400, 401, 404, 429]))),
            "/api/v1/alerts/webhook": .pathItem(
                .init(
                    get: operation(
                        "The caller's alert webhook and how its last delivery went (the secret is not shown again). 404 "
                            + "ALERT_WEBHOOK_NOT_FOUND.", responses: [200: .json(S.envelope(S.reference("AlertWebhook")))],
                        errors: [401, 404, 429]),
                    post: operation(
                        "Have new alerts POSTed to url (https on a public host; private hosts, over http too, only in development), or replace the url; either way a new "
                            + "signing secret, answered this once. Within about a minute of the run that raised them, each user's new "
                            + "alerts go in one POST: {\"type\":\"alerts.new\",\"market\":\"live\",\"alerts\":[…]} (market as meta.market says it; each alert as GET /alerts lists it, "
                            + "with its url), signed in the AIPS-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "
                            + "\"<t>.<body>\" under the secret>. Anything but a 2xx is tried again the next minute, for a day; an "
                            + "alert may come twice, with the same id. Alerts raised before the webhook was set are not sent.",
                        body: S.reference("AlertWebhookRequest"), example: AnyCodable(["url": "https://example.com/aips-alerts"]),
                        responses: [200: .json(S.envelope(S.reference("AlertWebhook")))], errors: [400, 401, 413, 429]),
                    delete: operation(
                        "Stop delivering alerts to the webhook; they stay in the inbox. 404 ALERT_WEBHOOK_NOT_FOUND.",
                        responses: [204: .response(description: "Deleted")], errors: [401, 404, 429]))),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "AlertRuleRequest": S.object(
                required: ["min_tier": S.string(enumeration: S.tiers)],
                optional: ["sport": S.sport, "bet_type": S.string(enumeration: S.betTypes)]),
            "AlertRule": S.object(
                required: ["id": S.integer(), "min_tier": S.string(enumeration: S.tiers)],
                optional: [
                    "sport": S.string(nullable: true), "bet_type": S.string(enumeration: S.betTypes, nullable: true),
                    "created_at": S.nullableDateTime,
                ]),
            "AlertWebhookRequest": S.object(required: ["url": S.string()]),
            "AlertWebhook": S.object(
                required: ["url": S.string(), "consecutive_failures": S.integer()],
                optional: [
                    "secret": S.string(), "created_at": S.nullableDateTime, "last_attempt_at": S.nullableDateTime,
                    "last_status": S.integer(nullable: true), "last_error": S.string(nullable: true),
                ]),
            "PickAlert": S.object(
                required: [
                    "id": S.integer(), "created_at": S.dateTime,
                    "pick": S.object(
                        required: [
                            "prediction_id": S.integer(), "game_id": S.integer(), "sport": S.string(),
                            "bet_type": S.string(enumeration: S.betTypes), "selection": S.string(), "edge": S.number(),
                            "tier": S.string(enumeration: S.tiers), "publication": S.string(enumeration: ["open", "game_day"]),
                            "scheduled_at": S.dateTime, "home_team": S.string(), "away_team": S.string(),
                        ],
                        optional: ["line": S.number(nullable: true), "price": S.number(nullable: true), "player_name": S.string()]),
                ],
                optional: [
                    "rule_id": S.integer(nullable: true), "opened_at": S.nullableDateTime,
                    "prediction": S.reference("Prediction"),
                ]),
        ]
    }
}
