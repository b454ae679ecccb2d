import OpenAPIKit

/// The read-only ops page and the overview it polls.
enum OpsOpenAPI: OpenAPIArea {
    static let tag = "ops"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/ops": get(
                operation(
                    "The read-only ops page (HTML; it signs in and polls /api/v1/ops/overview itself).", secured: false,
                    responses: [200: .html])),
            "/api/v1/ops/overview": get(
                operation(
                    "What the ops page shows (admin): every queue's counts, pause flag and limits; live workers and their running jobs; the most recent failing (retrying) and dead jobs with their last error.",
                    responses: [200: .json(S.envelope(S.reference("OpsOverview")))], errors: [401, 403, 429, 503])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "OpsOverview": S.object(required: [
                "generated_at": S.dateTime,
                "queues": S.array(
                    S.object(
                        required: [
                            "name": S.string(), "paused": S.boolean, "counts": S.map(S.integer(minimum: 0)),
                            "pending": S.integer(minimum: 0),
                        ],
                        optional: [
                            "concurrency_limit": S.integer(minimum: 0), "rate_limit": S.integer(minimum: 0),
                            "rate_limit_period_seconds": S.number(minimum: 0),
                        ])),
                "workers": S.array(
                    S.object(required: [
                        "id": S.string(), "host": S.string(), "pid": S.integer(), "queues": S.array(S.string()),
                        "concurrency": S.integer(), "busy": S.integer(), "processed": S.integer(), "draining": S.boolean,
                        "last_heartbeat_at": S.dateTime, "heartbeat_age_seconds": S.number(minimum: 0),
                        "running_jobs": S.array(
                            S.object(
                                required: ["id": S.string(), "type": S.string(), "queue": S.string(), "attempt": S.integer()],
                                optional: ["started_at": S.dateTime])),
                    ])),
                "failing": S.array(S.reference("OpsFailedJob")),
                "dead": S.array(S.reference("OpsFailedJob")),
            ]),
            "OpsFailedJob": S.object(
                required: [
                    "id": S.string(), "queue": S.string(), "type": S.string(), "state": S.string(enumeration: ["retrying", "dead"]),
                    "attempt": S.integer(), "max_attempts": S.integer(), "error_kind": S.string(), "error_message": S.string(),
                    "failed_at": S.dateTime,
                ],
                optional: ["next_attempt_at": S.dateTime]),
        ]
    }
}
