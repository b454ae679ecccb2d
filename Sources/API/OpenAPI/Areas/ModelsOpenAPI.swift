import ML
import OpenAPIKit
import Store

/// The model registry and each model's evaluation report.
enum ModelsOpenAPI: OpenAPIArea {
    static let tag = "models"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/models": get(
                operation(
                    "The model registry, newest first unless sort and order say otherwise: data range, feature set, metrics, status.",
                    parameters: OpenAPIParameters.pagination + [
                        .query(name: "sport", schema: S.sport),
                        .query(name: "bet_type", schema: S.string(enumeration: S.betTypes)),
                        .query(name: "publication", schema: S.string(enumeration: S.publications)),
                        .query(name: "status", schema: S.string(enumeration: S.modelStatuses)),
                    ] + OpenAPIParameters.sort(ModelRepository.Order.self, default: .createdAt),
                    responses: [200: .json(S.pricedPage(S.reference("Model")))], errors: [400, 401, 429])),
            "/api/v1/models/{id}": getOne("One model with its promotion decisions and rollbacks.", schema: "Model", priced: true),
            "/api/v1/models/{id}/report": get(
                operation(
                    "The model's evaluation report: a self-contained HTML page with SVG charts; a model that went into shadow for "
                        + "review also gets its shadow comparison with the champion on the games settled so far. Unless the deployment's market is "
                        + "live, the page opens with where its prices came from (simulated or replayed).",
                    parameters: [.path(name: "id", schema: S.rowID)], responses: [200: .html], errors: [400, 401, 404, 429])),
            "/api/v1/models/{id}/drift": get(
                operation(
                    "How far each feature's distribution moved from the model's training games to the games after them (the last "
                        + "`days` days and the next day), as a population stability index over the training deciles, a missing "
                        + "value its own bin; largest first. Below 0.1 stable, 0.1 to 0.25 moderate, 0.25 or more significant, where the "
                        + "index is also beyond what two samples of one distribution score in 99 cases of 100 (chance_psi is their mean); "
                        + "unseen where no training game had a value of the feature (the model could not learn from it).",
                    parameters: [
                        .path(name: "id", schema: S.rowID),
                        .query(name: "days", schema: S.integer(minimum: 1, maximum: 365), description: "Days back, default 14."),
                    ],
                    responses: [200: .json(S.priced(S.reference("FeatureDrift")))], errors: [400, 401, 404, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "FeatureDrift": S.object(
                required: [
                    "model_id": S.integer(), "feature_set_version": S.string(), "publication": S.string(enumeration: S.publications),
                    "reference": S.reference("GameWindow"), "current": S.reference("GameWindow"), "enough_games": S.boolean,
                    "significant": S.integer(minimum: 0), "unseen": S.integer(minimum: 0),
                    "features": S.array(
                        S.object(
                            required: [
                                "name": S.string(), "psi": S.number(minimum: 0), "chance_psi": S.number(minimum: 0),
                                "level": S.string(enumeration: PopulationStability.Level.allCases.map(\.rawValue)),
                                "reference_missing": S.number(minimum: 0, maximum: 1), "current_missing": S.number(minimum: 0, maximum: 1),
                            ],
                            optional: ["reference_mean": S.number(nullable: true), "current_mean": S.number(nullable: true)])),
                ]),
            "GameWindow": S.object(required: ["from": S.dateTime, "to": S.dateTime, "games": S.integer(minimum: 0)]),
            "Model": S.object(
                required: [
                    "id": S.integer(), "name": S.string(), "version": S.integer(minimum: 1), "sport": S.string(),
                    "bet_type": S.string(enumeration: S.betTypes), "publication": S.string(enumeration: S.publications),
                    "status": S.string(enumeration: S.modelStatuses),
                    "feature_set_version": S.string(), "training_start": S.dateTime, "training_end": S.dateTime,
                    "hyperparameters": S.map(S.any), "metrics": S.map(S.number()), "artifact_sha256": S.string(pattern: "^[0-9a-f]{64}$"),
                    "artifact_bytes": S.integer(minimum: 0), "created_at": S.dateTime,
                ],
                optional: [
                    "report_url": S.string(nullable: true), "promoted_at": S.nullableDateTime, "retired_at": S.nullableDateTime,
                    "events": S.array(
                        S.object(
                            required: [
                                "kind": S.string(enumeration: [
                                    "promoted", "kept_challenger", "rolled_back", "reinstated", "promotion_requested", "rejected",
                                    "superseded", "drift_detected",
                                ]),
                                "reason": S.string(), "details": S.map(S.number()),
                            ],
                            optional: ["created_at": S.nullableDateTime])),
                ])
        ]
    }
}
