import OpenAPIKit

/// The daily, weekly and monthly reports and the performance of graded picks.
enum ReportsOpenAPI: OpenAPIArea {
    static let tag = "reports"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/reports/daily": get(
                operation(
                    "The daily report of one sport (written by the settle job): results, accuracy by tier and bet type, CLV, ROI, top predictions, notable misses. 404 until the day has a settled game.",
                    parameters: [
                        .query(name: "date", required: true, schema: S.date, description: "The games' day (UTC), YYYY-MM-DD."),
                        .query(name: "sport", required: true, schema: S.sport),
                    ],
                    responses: [200: .json(S.priced(S.reference("DailyReport")))], errors: [400, 401, 404, 429])),
            "/api/v1/reports/weekly": periodReport(
                "The weekly report of one sport over an ISO week of US Eastern game days, computed from the settled picks and forecasts: accuracy, CLV, ROI and sharp agreement of picks overall, by tier and bet type; log loss, Brier and ECE of forecasts; best picks and notable misses.",
                period: .query(
                    name: "week", required: true, schema: S.string(pattern: "^[0-9]{4}-W[0-9]{2}$"),
                    description: "The ISO week, YYYY-Www (Monday to Sunday, US Eastern days).")),
            "/api/v1/reports/monthly": periodReport(
                "The monthly report of one sport over a calendar month of US Eastern game days; the same measures as the weekly report.",
                period: .query(
                    name: "month", required: true, schema: S.string(pattern: "^[0-9]{4}-[0-9]{2}$"),
                    description: "The month, YYYY-MM (US Eastern days).")),
            "/api/v1/performance": get(
                operation(
                    "Accuracy, mean CLV, ROI and sharp agreement of graded picks (at most one side per game and market), with log loss, Brier and ECE of every settled forecast on the rows without a tier, on games in from…to (inclusive UTC days; default the last 30, at most 366): overall, by bet type, by tier, by both. A null sport, bet_type or tier means all.",
                    parameters: [
                        .query(name: "sport", schema: S.sport),
                        .query(name: "from", schema: S.date, description: "First game day (UTC), not after to."),
                        .query(name: "to", schema: S.date, description: "Last game day (UTC), inclusive; default today."),
                    ],
                    responses: [
                        200: .json(
                            S.priced(S.array(S.reference("PredictionPerformance")), meta: ["from": S.date, "to": S.date]))
                    ],
                    errors: [400, 401, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "PredictionPerformance": S.object(
                required: [
                    "settled": S.integer(minimum: 0), "wins": S.integer(minimum: 0), "losses": S.integer(minimum: 0),
                    "pushes": S.integer(minimum: 0), "voids": S.integer(minimum: 0), "clv_count": S.integer(minimum: 0),
                    "profit": S.number(), "staked": S.number(minimum: 0), "sharp_count": S.integer(minimum: 0),
                    "forecasts": S.integer(minimum: 0),
                ],
                optional: [
                    "sport": S.string(nullable: true), "bet_type": S.string(enumeration: S.betTypes, nullable: true),
                    "tier": S.string(enumeration: S.tiers, nullable: true), "accuracy": S.number(minimum: 0, maximum: 1, nullable: true),
                    "mean_clv": S.number(nullable: true), "mean_fair_clv": S.number(nullable: true), "fair_clv_count": S.integer(minimum: 0),
                    "roi": S.number(nullable: true),
                    "sharp_agreement": S.number(minimum: 0, maximum: 1, nullable: true), "log_loss": S.number(minimum: 0, nullable: true),
                    "brier": S.number(minimum: 0, maximum: 1, nullable: true), "ece": S.number(minimum: 0, maximum: 1, nullable: true),
                    "ece_if_calibrated": S.number(minimum: 0, maximum: 1, nullable: true),
                ]),
            "ReportedPrediction": S.object(
                required: [
                    "prediction_id": S.integer(), "game_id": S.integer(), "home_team": S.string(), "away_team": S.string(),
                    "bet_type": S.string(enumeration: S.betTypes), "selection": S.string(), "probability": S.number(), "edge": S.number(),
                    "tier": S.string(enumeration: S.tiers), "stake": S.number(), "result": S.string(enumeration: S.results),
                    "profit": S.number(),
                ],
                optional: [
                    "home_score": S.integer(nullable: true), "away_score": S.integer(nullable: true), "line": S.number(nullable: true),
                    "price": S.number(nullable: true), "closing_price": S.number(nullable: true), "clv": S.number(nullable: true),
                    "publication": S.string(enumeration: S.publications, nullable: true), "published_at": S.nullableDateTime,
                    "bookmaker": S.string(nullable: true), "sharp_agreement": .boolean(nullable: true),
                ]),
            "DailyReport": S.object(
                required: reportMeasures(plus: [
                    "day": S.date, "trailing_30_days": S.reference("PredictionPerformance"),
                    "results": S.array(S.reference("ReportedPrediction")),
                ])),
            "PeriodReport": S.object(
                required: reportMeasures(plus: [
                    "kind": S.string(enumeration: ["week", "month"]), "period": S.string(), "from": S.date, "to": S.date,
                ])),
        ]
    }

    /// The weekly or monthly report: one sport over the period its required `period` parameter names.
    private static func periodReport(
        _ summary: String, period: OpenAPI.Parameter
    ) -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem> {
        get(
            operation(
                summary, parameters: [period, .query(name: "sport", required: true, schema: S.sport)],
                responses: [200: .json(S.priced(S.reference("PeriodReport")))], errors: [400, 401, 429]))
    }

    /// What every report carries (its sport, when it was made, the performance summaries, the best and worst picks),
    /// with the properties of one kind of report.
    private static func reportMeasures(plus own: OrderedDictionary<String, JSONSchema>) -> OrderedDictionary<String, JSONSchema> {
        var properties: OrderedDictionary<String, JSONSchema> = [
            "sport": S.string(), "generated_at": S.dateTime, "summary": S.reference("PredictionPerformance"),
            "by_tier": S.array(S.reference("PredictionPerformance")), "by_bet_type": S.array(S.reference("PredictionPerformance")),
            "top_predictions": S.array(S.reference("ReportedPrediction")), "notable_misses": S.array(S.reference("ReportedPrediction")),
        ]
        properties.merge(own) { _, own in own }
        return properties
    }
}
