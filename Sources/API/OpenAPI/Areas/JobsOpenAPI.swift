import OpenAPIKit

/// Submitting and reading typed jobs, and the queues' depths (admin).
enum JobsOpenAPI: OpenAPIArea {
    static let tag = "jobs"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/jobs": .pathItem(
                .init(
                    get: operation(
                        "List jobs (admin), filtered and paginated: queue by queue, state by state, unless sort or order is given (then the jobs read, "
                            + "at most the scan limit, are sorted; total_is_exact says whether that was every job).",
                        parameters: OpenAPIParameters.pagination + [
                            .query(name: "state", schema: S.string(enumeration: S.jobStates)),
                            .query(name: "type", schema: S.jobType), .query(name: "queue", schema: S.queueName),
                            .query(
                                name: "created_from", schema: S.dayOrTimestamp, description: "YYYY-MM-DD or ISO 8601; not after created_to"),
                            .query(name: "created_to", schema: S.dayOrTimestamp, description: "YYYY-MM-DD or ISO 8601"),
                        ] + OpenAPIParameters.sort(JobFilter.Order.self, default: .createdAt),
                        responses: [200: .json(S.envelope(S.array(S.reference("Job")), meta: S.reference("JobListMeta")))],
                        errors: [400, 401, 403, 429]),
                    post: operation(
                        "Submit a typed job (admin). 201 when created, 200 with the existing job for a repeated idempotency key.",
                        body: S.reference("JobSubmission"), example: AnyCodable(["type": AnyCodable("settle"), "payload": AnyCodable(["sport": "nba"])]),
                        responses: [201: .json(S.envelope(S.reference("Job"))), 200: .json(S.envelope(S.reference("Job")))],
                        errors: [400, 401, 403, 409, 413, 422, 429]))),
            "/api/v1/jobs/{id}": getOne(
                "One job: state, attempts, errors, progress, result (admin).", id: S.jobID, schema: "Job", errors: [401, 403, 404, 429]),
            "/api/v1/queues": get(
                operation(
                    "Depth of every queue per state (admin), by name unless sort and order say otherwise.",
                    parameters: OpenAPIParameters.sort(QueueView.Order.self, default: .name, ascending: true), responses: [200: .json(S.envelope(S.array(S.reference("Queue"))))], errors: [401, 403, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "JobListMeta": S.object(required: [
                "total": S.integer(minimum: 0), "page": S.integer(minimum: 1), "limit": S.integer(minimum: 1, maximum: 100),
                "total_is_exact": S.boolean,
            ]),
            "JobSubmission": S.object(
                required: ["type": S.jobType],
                optional: [
                    "payload": S.any, "queue": S.queueName, "priority": S.integer(minimum: 0, maximum: 9), "run_at": S.nullableDateTime,
                    "idempotency_key": S.string(pattern: "^[^\\n\\r\\u0000]+$", minLength: 1, maxLength: 200),
                    "depends_on": .array(maxItems: 100, uniqueItems: true, items: S.jobID),
                    "on_parent_failure": S.string(enumeration: ["cancel", "fail"]), "max_attempts": S.integer(minimum: 1, maximum: 100),
                    "timeout_seconds": S.number(minimum: 0.1, maximum: 86_400),
                ]),
            "Job": S.object(
                required: [
                    "id": S.string(), "type": S.string(), "queue": S.string(), "state": S.string(enumeration: S.jobStates),
                    "payload": S.any, "priority": S.integer(), "attempt": S.integer(), "max_attempts": S.integer(),
                    "created_at": S.dateTime,
                    "errors": S.array(
                        S.object(optional: ["attempt": S.integer(), "at": S.dateTime, "kind": S.string(), "message": S.string()])),
                    "depends_on": S.array(S.string()), "cancel_requested": S.boolean,
                ],
                optional: [
                    "run_at": S.nullableDateTime, "started_at": S.nullableDateTime, "finished_at": S.nullableDateTime,
                    "progress": S.object(optional: ["percent": S.integer(), "message": S.string()]), "result": S.any,
                    "idempotency_key": S.string(), "trace_id": S.string(),
                ]),
            "Queue": S.object(required: [
                "name": S.string(), "paused": S.boolean, "counts": S.map(S.integer(minimum: 0)), "pending": S.integer(minimum: 0),
            ]),
        ]
    }
}
