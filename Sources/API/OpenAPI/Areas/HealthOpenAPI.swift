import OpenAPIKit

/// Liveness, readiness and metrics: public, answered at the root and (health) under `/api/v1`.
enum HealthOpenAPI: OpenAPIArea {
    static let tag = "health"

    static var paths: OpenAPI.PathItem.Map {
        let live = get(
            operation("Liveness: the process answers.", secured: false, responses: [200: .json(S.reference("HealthEnvelope"))]))
        let ready = get(
            operation(
                "Readiness: Redis and PostgreSQL answer.", secured: false,
                responses: [200: .json(S.reference("HealthEnvelope")), 503: .json(S.reference("HealthEnvelope"))]))
        return [
            "/health/live": live,
            "/health/ready": ready,
            "/api/v1/health/live": live,
            "/api/v1/health/ready": ready,
            "/metrics": get(
                operation("Prometheus metrics.", secured: false, responses: [200: .text(.txt, description: "Prometheus text format")])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "HealthEnvelope": S.envelope(
                S.object(required: [
                    "status": S.string(enumeration: ["ok", "unavailable"]),
                    "checks": S.map(S.object(required: ["status": S.string()], optional: ["latency_ms": S.number(), "error": S.string()])),
                ]))
        ]
    }
}
