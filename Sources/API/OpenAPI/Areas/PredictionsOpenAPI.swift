import OpenAPIKit

/// Predictions and player props, each with its hash verification.
enum PredictionsOpenAPI: OpenAPIArea {
    static let tag = "predictions"

    /// The filters of /predictions but `bet_type`.
    static let filters: [OpenAPI.Parameter] =
        OpenAPIParameters.pagination + OpenAPIParameters.gameDays + [
            .query(name: "sport", schema: S.sport),
            .query(name: "tier", schema: S.string(enumeration: S.tiers)),
            .query(name: "status", schema: S.string(enumeration: ["pending", "settled", "void"])),
            .query(
                name: "pick", schema: S.string(enumeration: ["true", "false"]),
                description: "true: picks only; false: forecasts without a pick."),
        ] + OpenAPIParameters.sort(PredictionFilter.Order.self, default: .createdAt)

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/predictions": get(
                operation(
                    "List predictions with the seed's filters, cached for 5 minutes.",
                    parameters: filters + [.query(name: "bet_type", schema: S.string(enumeration: S.betTypes))],
                    responses: [200: .json(S.pricedPage(S.reference("Prediction")))], errors: [400, 401, 429])),
            "/api/v1/player-props": get(
                operation(
                    "List player-prop predictions (bet_type player_prop) with the other filters of /predictions, cached for 5 minutes. "
                        + "Selections are batter:<id>:hits_over (a forecast, priced when a book quotes the batter) or, for a pick "
                        + "against the best collected price, batter:<id>:hits_over or batter:<id>:hits_under with price, bookmaker, "
                        + "edge, tier and stake. NBA player points (sport nba) are player:<id>:points_over or "
                        + "player:<id>:points_under at the line a book quotes, the id ESPN's athlete id.",
                    parameters: filters,
                    responses: [200: .json(S.pricedPage(S.reference("Prediction")))], errors: [400, 401, 429])),
            "/api/v1/predictions/{id}": getOne("One prediction.", schema: "Prediction", priced: true),
            "/api/v1/predictions/{id}/verify": getOne(
                "Recompute the prediction's SHA-256 over its canonical content and compare, and check its sport's hash chain "
                    + "of publications from the first to the head, reporting the first break.", schema: "PredictionVerification"),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "Prediction": S.object(
                required: [
                    "id": S.integer(), "game_id": S.integer(), "sport": S.string(), "bet_type": S.string(enumeration: S.betTypes),
                    "selection": S.string(), "probability": S.number(), "edge": S.number(), "tier": S.string(enumeration: S.tiers),
                    "stake": S.number(), "prediction_hash": S.string(), "status": S.string(enumeration: ["pending", "settled", "void"]),
                    "pick": S.boolean, "publication": S.string(enumeration: S.publications), "hash_version": S.integer(minimum: 1),
                ],
                optional: [
                    "game_scheduled_at": S.nullableDateTime, "model_id": S.integer(), "player_name": S.string(),
                    "line": S.number(nullable: true),
                    "component_probabilities": S.map(S.number()), "price": S.number(nullable: true),
                    "probability_source": S.string(enumeration: ["market", "model", "blend"], nullable: true),
                    "fair_price": S.number(minimum: 1, nullable: true),
                    "result": S.string(enumeration: S.results, nullable: true), "closing_price": S.number(nullable: true),
                    "clv": S.number(nullable: true), "fair_clv": S.number(nullable: true), "profit": S.number(nullable: true), "bookmaker": S.string(nullable: true),
                    "published_at": S.nullableDateTime, "sharp_agreement": .boolean(nullable: true),
                    "created_at": S.nullableDateTime, "settled_at": S.nullableDateTime,
                    "model_pick_record": S.reference("ModelPickRecord"),
                ]),
            "ModelPickRecord": S.object(required: [
                "picks": S.integer(minimum: 1), "fair_clv": S.number(), "fair_clv_standard_error": S.number(minimum: 0),
                "verdict": S.string(), "publishes_picks": S.boolean,
            ]),
            "PredictionVerification": S.object(
                required: [
                    "prediction_id": S.integer(), "stored_hash": S.string(), "computed_hash": S.string(), "matches": S.boolean,
                    "algorithm": S.string(), "canonical_content": S.string(),
                ],
                optional: ["chain": S.reference("PredictionChainVerification")]),
            "PredictionChainVerification": S.object(
                required: [
                    "sport": S.string(), "intact": S.boolean, "length": S.integer(minimum: 0), "verified_through": S.integer(minimum: 0),
                    "algorithm": S.string(),
                ],
                optional: [
                    "position": S.integer(minimum: 1), "link": S.string(pattern: "^[0-9a-f]{64}$"), "head": S.string(pattern: "^[0-9a-f]{64}$"),
                    "first_break": S.object(
                        required: [
                            "prediction_id": S.integer(),
                            "reason": S.string(enumeration: [
                                "content_changed", "link_changed", "position_missing", "published_out_of_order", "outside_chain",
                            ]),
                        ],
                        optional: ["position": S.integer(minimum: 1)]),
                ]),
        ]
    }
}
