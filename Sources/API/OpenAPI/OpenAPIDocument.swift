import Essentials
import Postgres
import Store

/// The OpenAPI 3.1 document of the API, served at `/api/v1/openapi.json`.
///
/// Written by hand next to the routes; a test compares its operations with the routes the
/// server really registered, so neither can drift from the other.
enum OpenAPIDocument {
    typealias S = OpenAPISchema

    /// Every documented operation as (method, path).
    static var operations: [APIRoute] {
        guard case .object(let paths) = paths else { return [] }
        return paths.flatMap { path, item -> [APIRoute] in
            guard case .object(let methods) = item else { return [] }
            return methods.keys.map { APIRoute(method: $0.uppercased(), path: path) }
        }
    }

    static var document: JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "AI Pro Sports API",
                "version": "1.0.0",
                "description": "Submit and read jobs and predictions; read games, odds and models; watch the queues (ops). Success: {data, meta}; lists: {data, meta: {total, page, limit}}; errors: {error: {code, message, details}}.",
            ],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
                "schemas": schemas,
            ],
        ]
    }

    // MARK: Paths

    private static var paths: JSONValue {
        let health: JSONValue = [
            "get": operation("Liveness: the process answers.", tag: "health", secured: false, responses: ["200": json(S.reference("HealthEnvelope"))]),
        ]
        let ready: JSONValue = [
            "get": operation(
                "Readiness: Redis and PostgreSQL answer.", tag: "health", secured: false,
                responses: ["200": json(S.reference("HealthEnvelope")), "503": json(S.reference("HealthEnvelope"))]),
        ]
        return [
            "/health/live": health,
            "/health/ready": ready,
            "/api/v1/health/live": health,
            "/api/v1/health/ready": ready,
            "/metrics": [
                "get": operation(
                    "Prometheus metrics.", tag: "health", secured: false,
                    responses: ["200": ["description": "Prometheus text format", "content": ["text/plain": ["schema": S.string()]]]]),
            ],
            "/api/v1/openapi.json": [
                "get": operation("This document.", tag: "meta", secured: false, responses: ["200": json(S.any)]),
            ],
            "/api/v1/auth/login": [
                "post": operation(
                    "Log in with email and password. With 2FA enabled, answers a two-factor token instead of tokens.",
                    tag: "auth", secured: false, body: S.reference("LoginRequest"),
                    responses: ["200": json(S.envelope(["oneOf": [S.reference("TokenPair"), S.reference("TwoFactorChallenge")]]))],
                    errors: ["400", "401", "413", "429"]),
            ],
            "/api/v1/auth/2fa/verify": [
                "post": operation(
                    "Finish a 2FA login with a TOTP code (RFC 6238).", tag: "auth", secured: false,
                    body: S.reference("TwoFactorRequest"), responses: ["200": json(S.envelope(S.reference("TokenPair")))],
                    errors: ["400", "401", "413", "429"]),
            ],
            "/api/v1/auth/refresh": [
                "post": operation(
                    "Trade a refresh token for a new pair; the old one dies, and reusing it ends the session.",
                    tag: "auth", secured: false, body: S.reference("RefreshRequest"),
                    responses: ["200": json(S.envelope(S.reference("TokenPair")))], errors: ["400", "401", "413", "429"]),
            ],
            "/api/v1/auth/logout": [
                "post": operation(
                    "End the session of the access token.", tag: "auth",
                    responses: ["200": json(S.envelope(S.object(["logged_out": S.boolean], required: ["logged_out"])))],
                    errors: ["401", "429"]),
            ],
            "/api/v1/jobs": [
                "post": operation(
                    "Submit a typed job (admin). 201 when created, 200 with the existing job for a repeated idempotency key.",
                    tag: "jobs", body: S.reference("JobSubmission"),
                    responses: ["201": json(S.envelope(S.reference("Job"))), "200": json(S.envelope(S.reference("Job")))],
                    errors: ["400", "401", "403", "409", "413", "422", "429"]),
                "get": operation(
                    "List jobs (admin), filtered and paginated.", tag: "jobs",
                    parameters: pagination + [
                        query("state", S.string(enumeration: ["waiting", "scheduled", "queued", "running", "succeeded", "retrying", "dead", "cancelled"])),
                        query("type", S.jobType), query("queue", S.queueName),
                        query("created_from", S.dayOrTimestamp, "YYYY-MM-DD or ISO 8601; not after created_to"),
                        query("created_to", S.dayOrTimestamp, "YYYY-MM-DD or ISO 8601"),
                    ],
                    responses: ["200": json(S.envelope(S.array(S.reference("Job")), meta: S.reference("JobListMeta")))],
                    errors: ["400", "401", "403", "429"]),
            ],
            "/api/v1/jobs/{id}": [
                "get": operation(
                    "One job: state, attempts, errors, progress, result (admin).", tag: "jobs",
                    parameters: [pathParameter("id", S.jobID)],
                    responses: ["200": json(S.envelope(S.reference("Job")))], errors: ["401", "403", "404", "429"]),
            ],
            "/api/v1/queues": [
                "get": operation(
                    "Depth of every queue per state (admin).", tag: "jobs",
                    responses: ["200": json(S.envelope(S.array(S.reference("Queue"))))], errors: ["401", "403", "429"]),
            ],
            "/ops": [
                "get": operation(
                    "The read-only ops page (HTML; it signs in and polls /api/v1/ops/overview itself).", tag: "ops", secured: false,
                    responses: ["200": ["description": "HTML page", "content": ["text/html": ["schema": S.string()]]]]),
            ],
            "/api/v1/ops/overview": [
                "get": operation(
                    "What the ops page shows (admin): every queue's counts, pause flag and limits; live workers and their running jobs; the most recent failing (retrying) and dead jobs with their last error.",
                    tag: "ops", responses: ["200": json(S.envelope(S.reference("OpsOverview")))], errors: ["401", "403", "429", "503"]),
            ],
            "/api/v1/predictions": [
                "get": operation(
                    "List predictions with the seed's filters, cached for 5 minutes.", tag: "predictions",
                    parameters: pagination + predictionFilters
                        + [query("bet_type", S.string(enumeration: ["spread", "moneyline", "total", "player_prop"]))],
                    responses: ["200": json(S.page(S.reference("Prediction")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/player-props": [
                "get": operation(
                    "List player-prop predictions (bet_type player_prop) with the other filters of /predictions, cached for 5 minutes.",
                    tag: "predictions", parameters: pagination + predictionFilters,
                    responses: ["200": json(S.page(S.reference("Prediction")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/games": [
                "get": operation(
                    "List games in start order.", tag: "games",
                    parameters: pagination + gameDays + [
                        query("sport", sport),
                        query("status", S.string(enumeration: ["scheduled", "in_progress", "final", "postponed", "cancelled"])),
                    ],
                    responses: ["200": json(S.page(S.reference("Game")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/games/{id}": [
                "get": operation(
                    "One game with each book's latest price per market and outcome (the last 24 hours).", tag: "games",
                    parameters: [pathParameter("id", S.integer(minimum: 1, maximum: Int.max))],
                    responses: ["200": json(S.envelope(S.reference("Game")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/odds": [
                "get": operation(
                    "A game's odds history, newest first, in decimal odds.", tag: "games",
                    parameters: pagination + [
                        query("game_id", S.integer(minimum: 1, maximum: Int.max), required: true),
                        query("market", S.string(enumeration: ["h2h", "spreads", "totals"])),
                        query("bookmaker", S.string(pattern: "^[!-~]{1,64}$", minLength: 1, maxLength: 64)),
                    ],
                    responses: ["200": json(S.page(S.reference("OddsSnapshot")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/predictions/{id}": [
                "get": operation(
                    "One prediction.", tag: "predictions", parameters: [pathParameter("id", S.integer(minimum: 1, maximum: Int.max))],
                    responses: ["200": json(S.envelope(S.reference("Prediction")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/models": [
                "get": operation(
                    "The model registry, newest first: data range, feature set, metrics, status.", tag: "models",
                    parameters: pagination + [
                        query("sport", S.string(pattern: "^[a-z0-9_]{1,32}$", minLength: 1, maxLength: 32)),
                        query("bet_type", S.string(enumeration: ["spread", "moneyline", "total", "player_prop"])),
                        query("status", S.string(enumeration: ["champion", "challenger", "retired"])),
                    ],
                    responses: ["200": json(S.page(S.reference("Model")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/models/{id}": [
                "get": operation(
                    "One model with its promotion decisions and rollbacks.", tag: "models",
                    parameters: [pathParameter("id", S.integer(minimum: 1, maximum: Int.max))],
                    responses: ["200": json(S.envelope(S.reference("Model")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/models/{id}/report": [
                "get": operation(
                    "The model's evaluation report: a self-contained HTML page with SVG charts.", tag: "models",
                    parameters: [pathParameter("id", S.integer(minimum: 1, maximum: Int.max))],
                    responses: ["200": ["description": "HTML page", "content": ["text/html": ["schema": S.string()]]]],
                    errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/predictions/{id}/verify": [
                "get": operation(
                    "Recompute the prediction's SHA-256 over its canonical content and compare.", tag: "predictions",
                    parameters: [pathParameter("id", S.integer(minimum: 1, maximum: Int.max))],
                    responses: ["200": json(S.envelope(S.reference("PredictionVerification")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/reports/daily": [
                "get": operation(
                    "The daily report of one sport (written by the settle job): results, accuracy by tier and bet type, CLV, ROI, top predictions, notable misses. 404 until the day has a settled game.",
                    tag: "reports",
                    parameters: [
                        query("date", S.string(format: "date"), "The games' day (UTC), YYYY-MM-DD.", required: true),
                        query("sport", sport, required: true),
                    ],
                    responses: ["200": json(S.envelope(S.reference("DailyReport")))], errors: ["400", "401", "404", "429"]),
            ],
            "/api/v1/reports/weekly": [
                "get": operation(
                    "The weekly report of one sport over an ISO week of US Eastern game days, computed from the settled picks and forecasts: accuracy, CLV, ROI and sharp agreement of picks overall, by tier and bet type; log loss, Brier and ECE of forecasts; best picks and notable misses.",
                    tag: "reports",
                    parameters: [
                        query("week", S.string(pattern: "^[0-9]{4}-W[0-9]{2}$"), "The ISO week, YYYY-Www (Monday to Sunday, US Eastern days).", required: true),
                        query("sport", sport, required: true),
                    ],
                    responses: ["200": json(S.envelope(S.reference("PeriodReport")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/reports/monthly": [
                "get": operation(
                    "The monthly report of one sport over a calendar month of US Eastern game days; the same measures as the weekly report.",
                    tag: "reports",
                    parameters: [
                        query("month", S.string(pattern: "^[0-9]{4}-[0-9]{2}$"), "The month, YYYY-MM (US Eastern days).", required: true),
                        query("sport", sport, required: true),
                    ],
                    responses: ["200": json(S.envelope(S.reference("PeriodReport")))], errors: ["400", "401", "429"]),
            ],
            "/api/v1/performance": [
                "get": operation(
                    "Accuracy, mean CLV, ROI and sharp agreement of graded picks (at most one side per game and market), with log loss, Brier and ECE of every settled forecast on the rows without a tier, on games in from…to (inclusive UTC days; default the last 30, at most 366): overall, by bet type, by tier, by both. A null sport, bet_type or tier means all.",
                    tag: "reports",
                    parameters: [
                        query("sport", sport), query("from", S.string(format: "date"), "First game day (UTC), not after to."),
                        query("to", S.string(format: "date"), "Last game day (UTC), inclusive; default today."),
                    ],
                    responses: [
                        "200": json(S.envelope(
                            S.array(S.reference("PredictionPerformance")),
                            meta: S.object(["from": S.string(format: "date"), "to": S.string(format: "date")], required: ["from", "to"])))
                    ],
                    errors: ["400", "401", "429"]),
            ],
        ]
    }

    private static let gameDays: [JSONValue] = [
        query("date", S.string(format: "date"), "The game's day (UTC); not with date_from/date_to."),
        query("date_from", S.string(format: "date"), "First game day (UTC), not after date_to."),
        query("date_to", S.string(format: "date"), "Last game day (UTC), inclusive."),
    ]

    /// The filters of /predictions but `bet_type`.
    private static let predictionFilters: [JSONValue] = gameDays + [
        query("sport", sport),
        query("tier", S.string(enumeration: ["A", "B", "C", "D"])),
        query("status", S.string(enumeration: ["pending", "settled", "void"])),
        query("pick", S.string(enumeration: ["true", "false"]), "true: picks only; false: forecasts without a pick."),
        query("sort", S.string(enumeration: ["created_at", "game_date", "edge", "probability", "tier"])),
        query("order", S.string(enumeration: ["asc", "desc"])),
    ]

    private static let pagination: [JSONValue] = [
        query("page", S.integer(minimum: 1, maximum: 1_000_000), "Page number, from 1."),
        query("limit", S.integer(minimum: 1, maximum: 100), "Items per page, default 20, at most 100."),
    ]

    private static func operation(
        _ summary: String, tag: String, secured: Bool = true, parameters: [JSONValue] = [], body: JSONValue? = nil,
        responses: [String: JSONValue], errors: [String] = []
    ) -> JSONValue {
        var all = responses
        for status in errors {
            all[status] = ["description": "Error", "content": ["application/json": ["schema": S.reference("Error")]]]
        }
        var operation: [String: JSONValue] = ["summary": .string(summary), "tags": [.string(tag)], "responses": .object(all)]
        if secured { operation["security"] = [["bearer": []]] }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body { operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        return .object(operation)
    }

    private static func json(_ schema: JSONValue) -> JSONValue {
        ["description": "OK", "content": ["application/json": ["schema": schema]]]
    }

    private static let sport = S.string(pattern: "^[a-z0-9_]{1,32}$", minLength: 1, maxLength: 32)

    private static func query(_ name: String, _ schema: JSONValue, _ description: String? = nil, required: Bool = false) -> JSONValue {
        var parameter: [String: JSONValue] = ["name": .string(name), "in": "query", "required": .bool(required), "schema": schema]
        if let description { parameter["description"] = .string(description) }
        return .object(parameter)
    }

    private static func pathParameter(_ name: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": schema]
    }

    // MARK: Schemas

    private static var schemas: JSONValue {
        let dateTime = S.string(format: "date-time")
        let optionalDateTime = S.string(format: "date-time", nullable: true)
        return [
            "Error": S.object(
                ["error": S.object(["code": S.string(), "message": S.string(), "details": S.map(S.any)], required: ["code", "message", "details"])],
                required: ["error"]),
            "PageMeta": S.object(
                ["total": S.integer(minimum: 0), "page": S.integer(minimum: 1), "limit": S.integer(minimum: 1, maximum: 100)],
                required: ["total", "page", "limit"]),
            "JobListMeta": S.object(
                ["total": S.integer(minimum: 0), "page": S.integer(minimum: 1), "limit": S.integer(minimum: 1, maximum: 100), "total_is_exact": S.boolean],
                required: ["total", "page", "limit", "total_is_exact"]),
            "HealthEnvelope": S.envelope(S.object([
                "status": S.string(enumeration: ["ok", "unavailable"]),
                "checks": S.map(S.object(["status": S.string(), "latency_ms": S.number(), "error": S.string()], required: ["status"])),
            ], required: ["status", "checks"])),
            "LoginRequest": S.object(
                ["email": S.string(pattern: "@", minLength: 3, maxLength: 254), "password": S.string(minLength: 1, maxLength: 256)],
                required: ["email", "password"]),
            "TwoFactorRequest": S.object(
                ["two_factor_token": S.string(), "code": S.string(pattern: "^[0-9]{6}$")], required: ["two_factor_token", "code"]),
            "RefreshRequest": S.object(["refresh_token": S.string()], required: ["refresh_token"]),
            "TokenPair": S.object(
                ["access_token": S.string(), "refresh_token": S.string(), "token_type": S.string(), "expires_in": S.integer()],
                required: ["access_token", "refresh_token", "token_type", "expires_in"]),
            "TwoFactorChallenge": S.object(
                ["two_factor_required": S.boolean, "two_factor_token": S.string(), "expires_in": S.integer()],
                required: ["two_factor_required", "two_factor_token", "expires_in"]),
            "JobSubmission": S.object([
                "type": S.jobType, "payload": S.any, "queue": S.queueName, "priority": S.integer(minimum: 0, maximum: 9),
                "run_at": S.string(format: "date-time", nullable: true),
                "idempotency_key": S.string(pattern: "^[^\\n\\r\\u0000]+$", minLength: 1, maxLength: 200),
                "depends_on": ["type": "array", "items": S.jobID, "maxItems": 100, "uniqueItems": true],
                "on_parent_failure": S.string(enumeration: ["cancel", "fail"]), "max_attempts": S.integer(minimum: 1, maximum: 100),
                "timeout_seconds": S.number(minimum: 0.1, maximum: 86_400),
            ], required: ["type"]),
            "Job": S.object([
                "id": S.string(), "type": S.string(), "queue": S.string(),
                "state": S.string(enumeration: ["waiting", "scheduled", "queued", "running", "succeeded", "retrying", "dead", "cancelled"]),
                "payload": S.any, "priority": S.integer(), "attempt": S.integer(), "max_attempts": S.integer(),
                "created_at": dateTime, "run_at": optionalDateTime, "started_at": optionalDateTime, "finished_at": optionalDateTime,
                "progress": S.object(["percent": S.integer(), "message": S.string()]), "result": S.any,
                "errors": S.array(S.object(["attempt": S.integer(), "at": dateTime, "kind": S.string(), "message": S.string()])),
                "idempotency_key": S.string(), "depends_on": S.array(S.string()), "cancel_requested": S.boolean,
            ], required: ["id", "type", "queue", "state", "payload", "priority", "attempt", "max_attempts", "created_at", "errors", "depends_on", "cancel_requested"]),
            "Queue": S.object(
                ["name": S.string(), "paused": S.boolean, "counts": S.map(S.integer(minimum: 0)), "pending": S.integer(minimum: 0)],
                required: ["name", "paused", "counts", "pending"]),
            "OpsOverview": S.object([
                "generated_at": dateTime,
                "queues": S.array(S.object([
                    "name": S.string(), "paused": S.boolean, "counts": S.map(S.integer(minimum: 0)), "pending": S.integer(minimum: 0),
                    "concurrency_limit": S.integer(minimum: 0), "rate_limit": S.integer(minimum: 0), "rate_limit_period_seconds": S.number(minimum: 0),
                ], required: ["name", "paused", "counts", "pending"])),
                "workers": S.array(S.object([
                    "id": S.string(), "host": S.string(), "pid": S.integer(), "queues": S.array(S.string()),
                    "concurrency": S.integer(), "busy": S.integer(), "processed": S.integer(), "draining": S.boolean,
                    "last_heartbeat_at": dateTime, "heartbeat_age_seconds": S.number(minimum: 0),
                    "running_jobs": S.array(S.object(
                        ["id": S.string(), "type": S.string(), "queue": S.string(), "attempt": S.integer(), "started_at": dateTime],
                        required: ["id", "type", "queue", "attempt"])),
                ], required: ["id", "host", "pid", "queues", "concurrency", "busy", "processed", "draining", "last_heartbeat_at", "heartbeat_age_seconds", "running_jobs"])),
                "failing": S.array(S.reference("OpsFailedJob")),
                "dead": S.array(S.reference("OpsFailedJob")),
            ], required: ["generated_at", "queues", "workers", "failing", "dead"]),
            "OpsFailedJob": S.object([
                "id": S.string(), "queue": S.string(), "type": S.string(), "state": S.string(enumeration: ["retrying", "dead"]),
                "attempt": S.integer(), "max_attempts": S.integer(), "error_kind": S.string(), "error_message": S.string(),
                "failed_at": dateTime, "next_attempt_at": dateTime,
            ], required: ["id", "queue", "type", "state", "attempt", "max_attempts", "error_kind", "error_message", "failed_at"]),
            "Prediction": S.object([
                "id": S.integer(), "game_id": S.integer(), "game_scheduled_at": optionalDateTime, "model_id": S.integer(),
                "sport": S.string(), "bet_type": S.string(enumeration: ["spread", "moneyline", "total", "player_prop"]),
                "selection": S.string(), "line": S.number(nullable: true), "probability": S.number(),
                "component_probabilities": S.map(S.number()), "price": S.number(nullable: true),
                "fair_price": S.number(minimum: 1, nullable: true), "edge": S.number(),
                "tier": S.string(enumeration: ["A", "B", "C", "D"]), "stake": S.number(), "prediction_hash": S.string(),
                "status": S.string(enumeration: ["pending", "settled", "void"]), "result": S.string(enumeration: ["win", "loss", "push"], nullable: true),
                "closing_price": S.number(nullable: true), "clv": S.number(nullable: true), "profit": S.number(nullable: true),
                "pick": S.boolean, "bookmaker": S.string(nullable: true),
                "publication": S.string(enumeration: ["open", "game_day"]), "published_at": optionalDateTime,
                "hash_version": S.integer(minimum: 1), "sharp_agreement": .object(["type": .array(["boolean", "null"])]),
                "created_at": optionalDateTime, "settled_at": optionalDateTime,
            ], required: [
                "id", "game_id", "sport", "bet_type", "selection", "probability", "edge", "tier", "stake", "prediction_hash", "status",
                "pick", "publication", "hash_version",
            ]),
            "PredictionPerformance": S.object([
                "sport": S.string(nullable: true), "bet_type": S.string(enumeration: ["spread", "moneyline", "total", "player_prop"], nullable: true),
                "tier": S.string(enumeration: ["A", "B", "C", "D"], nullable: true), "settled": S.integer(minimum: 0),
                "wins": S.integer(minimum: 0), "losses": S.integer(minimum: 0), "pushes": S.integer(minimum: 0), "voids": S.integer(minimum: 0),
                "accuracy": S.number(minimum: 0, maximum: 1, nullable: true), "mean_clv": S.number(nullable: true),
                "clv_count": S.integer(minimum: 0), "profit": S.number(), "staked": S.number(minimum: 0), "roi": S.number(nullable: true),
                "sharp_agreement": S.number(minimum: 0, maximum: 1, nullable: true), "sharp_count": S.integer(minimum: 0),
                "forecasts": S.integer(minimum: 0), "log_loss": S.number(minimum: 0, nullable: true),
                "brier": S.number(minimum: 0, maximum: 1, nullable: true), "ece": S.number(minimum: 0, maximum: 1, nullable: true),
            ], required: ["settled", "wins", "losses", "pushes", "voids", "clv_count", "profit", "staked", "sharp_count", "forecasts"]),
            "ReportedPrediction": S.object([
                "prediction_id": S.integer(), "game_id": S.integer(), "home_team": S.string(), "away_team": S.string(),
                "home_score": S.integer(nullable: true), "away_score": S.integer(nullable: true),
                "bet_type": S.string(enumeration: ["spread", "moneyline", "total", "player_prop"]), "selection": S.string(),
                "line": S.number(nullable: true), "price": S.number(nullable: true), "closing_price": S.number(nullable: true),
                "probability": S.number(), "edge": S.number(), "tier": S.string(enumeration: ["A", "B", "C", "D"]), "stake": S.number(),
                "result": S.string(enumeration: ["win", "loss", "push"]), "profit": S.number(), "clv": S.number(nullable: true),
                "publication": S.string(enumeration: ["open", "game_day"], nullable: true), "published_at": optionalDateTime,
                "bookmaker": S.string(nullable: true), "sharp_agreement": .object(["type": .array(["boolean", "null"])]),
            ], required: [
                "prediction_id", "game_id", "home_team", "away_team", "bet_type", "selection", "probability", "edge", "tier", "stake",
                "result", "profit",
            ]),
            "DailyReport": S.object([
                "day": S.string(format: "date"), "sport": S.string(), "generated_at": dateTime,
                "summary": S.reference("PredictionPerformance"), "by_tier": S.array(S.reference("PredictionPerformance")),
                "by_bet_type": S.array(S.reference("PredictionPerformance")), "trailing_30_days": S.reference("PredictionPerformance"),
                "results": S.array(S.reference("ReportedPrediction")), "top_predictions": S.array(S.reference("ReportedPrediction")),
                "notable_misses": S.array(S.reference("ReportedPrediction")),
            ], required: [
                "day", "sport", "generated_at", "summary", "by_tier", "by_bet_type", "trailing_30_days", "results", "top_predictions",
                "notable_misses",
            ]),
            "PeriodReport": S.object([
                "kind": S.string(enumeration: ["week", "month"]), "period": S.string(), "sport": S.string(),
                "from": S.string(format: "date"), "to": S.string(format: "date"), "generated_at": dateTime,
                "summary": S.reference("PredictionPerformance"), "by_tier": S.array(S.reference("PredictionPerformance")),
                "by_bet_type": S.array(S.reference("PredictionPerformance")),
                "top_predictions": S.array(S.reference("ReportedPrediction")), "notable_misses": S.array(S.reference("ReportedPrediction")),
            ], required: [
                "kind", "period", "sport", "from", "to", "generated_at", "summary", "by_tier", "by_bet_type", "top_predictions",
                "notable_misses",
            ]),
            "Model": S.object([
                "id": S.integer(), "name": S.string(), "version": S.integer(minimum: 1), "sport": S.string(),
                "bet_type": S.string(enumeration: ["spread", "moneyline", "total", "player_prop"]),
                "status": S.string(enumeration: ["champion", "challenger", "retired"]), "feature_set_version": S.string(),
                "training_start": dateTime, "training_end": dateTime, "metrics": S.map(S.number()),
                "artifact_sha256": S.string(pattern: "^[0-9a-f]{64}$"), "artifact_bytes": S.integer(minimum: 0),
                "report_url": S.string(nullable: true), "created_at": dateTime, "promoted_at": optionalDateTime,
                "retired_at": optionalDateTime,
                "events": S.array(S.object(
                    ["kind": S.string(enumeration: ["promoted", "kept_challenger", "rolled_back", "reinstated"]), "reason": S.string(),
                     "details": S.map(S.number()), "created_at": optionalDateTime],
                    required: ["kind", "reason", "details"])),
            ], required: ["id", "name", "version", "sport", "bet_type", "status", "feature_set_version", "training_start", "training_end", "metrics", "artifact_sha256", "artifact_bytes", "created_at"]),
            "Game": S.object([
                "id": S.integer(), "sport": S.string(), "season": S.integer(nullable: true), "scheduled_at": dateTime,
                "status": S.string(enumeration: ["scheduled", "in_progress", "final", "postponed", "cancelled"]),
                "home_team": S.reference("GameTeam"), "away_team": S.reference("GameTeam"),
                "home_score": S.integer(nullable: true), "away_score": S.integer(nullable: true), "neutral_site": S.boolean,
                "venue": S.string(nullable: true), "odds": S.array(S.reference("OddsSnapshot")),
            ], required: ["id", "sport", "scheduled_at", "status", "home_team", "away_team", "neutral_site"]),
            "GameTeam": S.object(
                ["id": S.integer(), "name": S.string(), "abbreviation": S.string(nullable: true)], required: ["id", "name"]),
            "OddsSnapshot": S.object([
                "game_id": S.integer(), "bookmaker": S.string(), "market": S.string(), "outcome": S.string(),
                "price": S.number(minimum: 1), "point": S.number(nullable: true), "recorded_at": dateTime, "is_backfill": S.boolean,
            ], required: ["game_id", "bookmaker", "market", "outcome", "price", "recorded_at", "is_backfill"]),
            "PredictionVerification": S.object([
                "prediction_id": S.integer(), "stored_hash": S.string(), "computed_hash": S.string(), "matches": S.boolean,
                "algorithm": S.string(), "canonical_content": S.string(),
            ], required: ["prediction_id", "stored_hash", "computed_hash", "matches", "algorithm", "canonical_content"]),
        ]
    }
}
