import OpenAPIKit
import Store

/// `/api/v1/admin` (admin role): users and their two-factor enrolment, job and queue repairs, the prediction export,
/// engagement, the promotion queue, rolling a champion back, the data-quality checks' results.
enum AdminOpenAPI: OpenAPIArea {
    static let tag = "admin"

    private static let userID: [OpenAPI.Parameter] = [.path(name: "id", schema: S.string(format: .uuid))]
    private static let jobID: [OpenAPI.Parameter] = [.path(name: "id", schema: S.jobID)]
    private static let queueName: [OpenAPI.Parameter] = [.path(name: "name", schema: S.queueName)]
    private static let user: OpenAPI.Response.Map = [200: .json(S.envelope(S.reference("User")))]
    private static let promotionID: [OpenAPI.Parameter] = [.path(name: "id", schema: S.rowID)]
    private static let promotion: OpenAPI.Response.Map = [200: .json(S.envelope(S.reference("PromotionRequest")))]

    /// A POST on a user with no body, answering the user.
    private static func userAction(_ summary: String, errors: [OpenAPI.Response.StatusCode] = [400, 401, 403, 404, 429])
        -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem>
    {
        post(operation(summary, parameters: userID, responses: user, errors: errors))
    }

    /// A POST on a queue with no body, answering the queue's depths.
    private static func queueAction(_ summary: String) -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem> {
        post(operation(summary, parameters: queueName, responses: [200: .json(S.envelope(S.reference("Queue")))], errors: [400, 401, 403, 429]))
    }

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/admin/users": .pathItem(
                .init(
                    get: operation(
                        "List users (admin), newest first unless sort and order say otherwise.",
                        parameters: OpenAPIParameters.pagination + [
                            .query(name: "role", schema: S.string(enumeration: ["user", "admin"])),
                            .query(name: "active", schema: S.string(enumeration: ["true", "false"])),
                        ] + OpenAPIParameters.sort(UserRepository.Order.self, default: .createdAt),
                        responses: [200: .json(S.page(S.reference("User")))], errors: [400, 401, 403, 429]),
                    post: operation(
                        "Create a user (admin). 409 USER_EXISTS for an email already taken.",
                        body: S.reference("UserCreate"),
                        example: AnyCodable(["email": "new.user@example.com", "password": "a long enough password", "role": "user"]),
                        responses: [201: .json(S.envelope(S.reference("User")))], errors: [400, 401, 403, 409, 413, 429]))),
            "/api/v1/admin/users/{id}": get(operation("One user (admin).", parameters: userID, responses: user, errors: [400, 401, 403, 404, 429])),
            "/api/v1/admin/users/{id}/role": post(
                operation(
                    "Change a user's role (admin); a change ends the user's sessions. 409 CANNOT_CHANGE_SELF to demote oneself, 409 LAST_ADMIN "
                        + "when no active admin would be left.",
                    parameters: userID, body: S.reference("RoleChange"), example: AnyCodable(["role": "user"]), responses: user,
                    errors: [400, 401, 403, 404, 409, 413, 429])),
            "/api/v1/admin/users/{id}/disable": userAction(
                "Disable an account (admin): no login, sessions ended. 409 CANNOT_CHANGE_SELF for oneself, 409 LAST_ADMIN for the last "
                    + "active admin.", errors: [400, 401, 403, 404, 409, 429]),
            "/api/v1/admin/users/{id}/enable": userAction("Enable a disabled account (admin)."),
            "/api/v1/admin/users/{id}/unlock": userAction("Clear the account's failed logins, lifting a lockout at once (admin)."),
            "/api/v1/admin/users/{id}/2fa/reset": userAction(
                "Turn two-factor login off (admin): secret, pending enrolment and recovery codes; sessions ended. 409 "
                    + "CANNOT_CHANGE_SELF for one's own.", errors: [400, 401, 403, 404, 409, 429]),
            "/api/v1/admin/users/{id}/password": post(
                operation(
                    "Give a user who lost their password a new one (admin); their sessions are ended, a lockout stays (unlock lifts it). "
                        + "409 CANNOT_CHANGE_SELF for one's own: change it with POST /auth/password, which takes the current one.",
                    parameters: userID, body: S.reference("PasswordSet"), example: AnyCodable(["password": "a new long enough password"]),
                    responses: user, errors: [400, 401, 403, 404, 409, 413, 429])),
            "/api/v1/admin/users/{id}/2fa/enrol": post(
                operation(
                    "Start two-factor enrolment (admin): a new secret, sealed at rest, pending until confirmed; answers the otpauth URI. "
                        + "409 TWO_FACTOR_ALREADY_ENABLED when it is on.",
                    parameters: userID, responses: [200: .json(S.envelope(S.reference("TwoFactorEnrolment")))],
                    errors: [400, 401, 403, 404, 409, 429])),
            "/api/v1/admin/users/{id}/2fa/confirm": post(
                operation(
                    "Confirm the pending enrolment with a code from the app (admin): two-factor login is on; answers the one-time "
                        + "recovery codes, shown only now. 409 NO_PENDING_ENROLMENT, 422 INVALID_2FA_CODE.",
                    parameters: userID, body: S.reference("TwoFactorConfirm"), example: AnyCodable(["code": "123456"]),
                    responses: [200: .json(S.envelope(S.reference("RecoveryCodes")))], errors: [400, 401, 403, 404, 409, 413, 422, 429])),
            "/api/v1/admin/users/{id}/2fa/recovery-codes": post(
                operation(
                    "Replace the user's recovery codes with new ones (admin); the old ones stop working. 409 TWO_FACTOR_NOT_ENABLED.",
                    parameters: userID, responses: [200: .json(S.envelope(S.reference("RecoveryCodes")))],
                    errors: [400, 401, 403, 404, 409, 429])),
            "/api/v1/admin/jobs/{id}/retry": post(
                operation(
                    "Put a dead or cancelled job back in its queue with fresh attempts (admin); 409 for a job in another state.",
                    parameters: jobID, responses: [200: .json(S.envelope(S.reference("JobAction")))], errors: [401, 403, 404, 409, 429])),
            "/api/v1/admin/jobs/{id}/cancel": post(
                operation(
                    "Cancel a job (admin): at once if it has not started (cancelled), at its next heartbeat if it runs "
                        + "(cancel_requested); 409 for a finished job.",
                    parameters: jobID, responses: [200: .json(S.envelope(S.reference("JobAction")))], errors: [401, 403, 404, 409, 429])),
            "/api/v1/admin/queues/{name}/purge-dead": post(
                operation(
                    "Delete every dead job of a queue (admin).", parameters: queueName,
                    responses: [200: .json(S.envelope(S.reference("QueuePurge")))], errors: [400, 401, 403, 429])),
            "/api/v1/admin/queues/{name}/pause": queueAction("Stop workers from taking the queue's jobs; running jobs finish (admin)."),
            "/api/v1/admin/queues/{name}/resume": queueAction("Let workers take the queue's jobs again (admin)."),
            "/api/v1/admin/predictions/export": get(
                operation(
                    "The prediction history as CSV (admin), with the filters, sort and order of /predictions; at most 50,000 rows, "
                        + "X-Total-Count says how many matched, AIPS-Market where the prices came from (live, simulated or replayed).",
                    parameters: PredictionsOpenAPI.filters + [.query(name: "bet_type", schema: S.string(enumeration: S.betTypes))],
                    responses: [200: .text(.csv, description: "CSV with a header row (RFC 4180)")], errors: [400, 401, 403, 429])),
            "/api/v1/admin/engagement": get(
                operation(
                    "Daily active users and predictions viewed for the last `days` US Eastern days, oldest first, and the users active "
                        + "in the 30 days ending today (admin; seed 5.2). Active users are HyperLogLog estimates (±0.81 %).",
                    parameters: [.query(name: "days", schema: S.integer(minimum: 1, maximum: 400))],
                    responses: [200: .json(S.envelope(S.reference("Engagement")))], errors: [400, 401, 403, 429])),
            "/api/v1/admin/promotions": get(
                operation(
                    "The pending promotion requests (admin), oldest first unless sort and order say otherwise: each challenger that "
                        + "passed every threshold and beat the champion, its metrics, and its shadow forecasts beside the champion's "
                        + "on the settled games.",
                    parameters: OpenAPIParameters.pagination
                        + OpenAPIParameters.sort(PromotionRequestView.Order.self, default: .requestedAt, ascending: true),
                    responses: [200: .json(S.page(S.reference("PromotionRequest")))], errors: [400, 401, 403, 429])),
            "/api/v1/admin/promotions/{id}": get(
                operation(
                    "One promotion request, pending or decided (admin). 404 PROMOTION_NOT_FOUND.", parameters: promotionID,
                    responses: promotion, errors: [400, 401, 403, 404, 429])),
            "/api/v1/admin/promotions/{id}/approve": post(
                operation(
                    "Approve a pending promotion request (admin): the model becomes champion, the champion is retired, and the "
                        + "post-promotion monitor and rollback triggers watch it. Its shadow period must be complete (`shadow.complete`: "
                        + "`shadow.required_games` settled games, paired with the champion's when it replaces one) unless `force=true`, "
                        + "which the model's event records. 404 PROMOTION_NOT_FOUND, 409 PROMOTION_NOT_PENDING or "
                        + "SHADOW_PERIOD_INCOMPLETE.",
                    parameters: promotionID + [.query(name: "force", schema: S.string(enumeration: ["true", "false"]))],
                    responses: promotion, errors: [400, 401, 403, 404, 409, 429])),
            "/api/v1/admin/promotions/{id}/reject": post(
                operation(
                    "Reject a pending promotion request with a reason, logged as the model's event (admin): the model goes back "
                        + "to challenger and the champion stays. 404 PROMOTION_NOT_FOUND, 409 PROMOTION_NOT_PENDING.",
                    parameters: promotionID, body: S.reference("Reason"),
                    example: AnyCodable(["reason": "shadow log loss worse than the champion's over two weeks"]), responses: promotion,
                    errors: [400, 401, 403, 404, 409, 413, 429])),
            "/api/v1/admin/quality/checks": get(
                operation(
                    "The data-quality checks' results (admin), newest first unless sort and order say otherwise: status=fail&"
                        + "action=manual_review lists the failures to review; latest=true keeps each rule's latest result per sport, "
                        + "the state that blocks a sport's predictions (action=block_predictions).",
                    parameters: OpenAPIParameters.pagination + [
                        .query(name: "status", schema: S.string(enumeration: DataQualityStatus.allCases.map(\.rawValue))),
                        .query(name: "action", schema: S.string(enumeration: DataQualityAction.allCases.map(\.rawValue))),
                        .query(name: "sport", schema: S.sport), .query(name: "latest", schema: S.string(enumeration: ["true", "false"])),
                    ] + OpenAPIParameters.sort(DataQualityCheckRepository.Order.self, default: .checkedAt),
                    responses: [200: .json(S.page(S.reference("DataQualityCheck")))], errors: [400, 401, 403, 429])),
            "/api/v1/admin/quality/gaps": get(
                operation(
                    "The date ranges whose stored data is incomplete (admin), the data guide's first backfill step: no_games (more "
                        + "days in a row without a game, between days with games, than the sport rests: 3 for nba, mlb and nhl, 10 "
                        + "for the others), missing_odds (games without a single price) and missing_results (games started six hours "
                        + "or more ago that are not final, cancelled or postponed), by Eastern day, each with the aips backfill "
                        + "command that reloads it. date_from and date_to are required, at most 400 days apart.",
                    parameters: [
                        .query(name: "date_from", required: true, schema: S.date, description: "First Eastern day."),
                        .query(name: "date_to", required: true, schema: S.date, description: "Last Eastern day, inclusive."),
                        .query(name: "sport", schema: S.sport, description: "One sport; default every sport with a stored game."),
                    ],
                    responses: [200: .json(S.envelope(S.array(S.reference("CoverageGap"))))], errors: [400, 401, 403, 429])),
            "/api/v1/admin/models/{id}/rollback": post(
                operation(
                    "Roll a champion back (admin): it is retired and the previous champion of its market (one never rolled back "
                        + "itself) is champion again; both are logged as the models' events with the reason. 404 MODEL_NOT_FOUND, "
                        + "409 MODEL_NOT_CHAMPION.",
                    parameters: [.path(name: "id", schema: S.rowID)], body: S.reference("Reason"),
                    example: AnyCodable(["reason": "its picks lost to the close all week"]),
                    responses: [200: .json(S.envelope(S.reference("ModelRollback")))], errors: [400, 401, 403, 404, 409, 413, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "User": S.object(
                required: [
                    "id": S.string(format: .uuid), "email": S.string(), "role": S.string(enumeration: ["user", "admin"]), "is_active": S.boolean,
                    "two_factor_enabled": S.boolean, "two_factor_pending": S.boolean,
                ],
                optional: ["created_at": S.nullableDateTime, "last_login_at": S.nullableDateTime]),
            "UserCreate": S.object(
                required: [
                    "email": S.string(pattern: "^[!-?A-~][!-~]*@[!-~]+$", minLength: 3, maxLength: 254),
                    // Characters, not bytes: 256 of them are at most the 1024 bytes the server takes.
                    "password": S.string(minLength: 8, maxLength: 256),
                ],
                optional: ["role": S.string(enumeration: ["user", "admin"])]),
            // Characters, not bytes, as for UserCreate.
            "PasswordSet": S.object(required: ["password": S.string(minLength: 8, maxLength: 256)]),
            "RoleChange": S.object(required: ["role": S.string(enumeration: ["user", "admin"])]),
            "TwoFactorConfirm": S.object(required: ["code": S.string(pattern: "^[0-9]{6}$")]),
            "TwoFactorEnrolment": S.object(required: ["user_id": S.string(format: .uuid), "otpauth_uri": S.string(), "secret": S.string()]),
            "RecoveryCodes": S.object(required: [
                "user_id": S.string(format: .uuid), "two_factor_enabled": S.boolean, "recovery_codes": S.array(S.string()),
            ]),
            "JobAction": S.object(required: [
                "outcome": S.string(enumeration: ["queued", "cancelled", "cancel_requested"]), "job": S.reference("Job"),
            ]),
            "QueuePurge": S.object(required: ["queue": S.string(), "purged": S.integer(minimum: 0)]),
            "Engagement": S.object(
                required: [
                    "today": S.date, "time_zone": S.string(), "monthly_active_users": S.integer(minimum: 0),
                    "days": S.array(
                        S.object(required: [
                            "date": S.date, "active_users": S.integer(minimum: 0), "predictions_viewed": S.integer(minimum: 0),
                        ])),
                ],
                optional: [
                    "alerts": S.object(
                        required: ["raised": S.integer(minimum: 0), "opened": S.integer(minimum: 0)],
                        optional: ["click_through_rate": S.number(minimum: 0, maximum: 1, nullable: true)]),
                ]),
            "CoverageGap": S.object(
                required: [
                    "sport": S.string(), "kind": S.string(enumeration: CoverageGap.Kind.allCases.map(\.rawValue)), "from": S.date,
                    "to": S.date, "days": S.integer(), "games": S.integer(), "backfill_command": S.string(),
                ]),
            "DataQualityCheck": S.object(
                required: [
                    "id": S.integer(), "check_name": S.string(), "status": S.string(enumeration: DataQualityStatus.allCases.map(\.rawValue)),
                    "action": S.string(enumeration: DataQualityAction.allCases.map(\.rawValue)), "details": S.map(S.any),
                    "checked_at": S.dateTime,
                ],
                optional: ["sport": S.string(), "observed_value": S.number(), "threshold": S.number(), "job_id": S.string()]),
            "Reason": S.object(required: ["reason": S.string(minLength: 1, maxLength: 1_000)]),
            "ModelRollback": S.object(
                required: ["rolled_back": S.reference("Model")], optional: ["reinstated": S.reference("Model")]),
            "PromotionRequest": S.object(
                required: [
                    "id": S.rowID, "model_id": S.rowID, "model_name": S.string(), "sport": S.string(),
                    "bet_type": S.string(enumeration: S.betTypes), "model_status": S.string(enumeration: S.modelStatuses),
                    "status": S.string(enumeration: PromotionRequest.Status.allCases.map(\.rawValue)), "metrics": S.map(S.number()),
                    "requested_at": S.dateTime,
                    "shadow": S.object(
                        required: [
                            "forecasts": S.integer(minimum: 0), "settled": S.reference("ForecastQuality"),
                            "paired": S.object(
                                required: ["shadow": S.reference("ForecastQuality"), "champion": S.reference("ForecastQuality")]),
                            "settled_games": S.integer(minimum: 0), "required_games": S.integer(minimum: 0), "complete": S.boolean,
                        ],
                        optional: ["log_loss_difference": S.number()]),
                ],
                optional: [
                    "champion_id": S.rowID, "reason": S.string(), "decided_by": S.string(format: .uuid), "decided_at": S.dateTime,
                    "report_url": S.string(),
                ]),
            "ForecastQuality": S.object(
                required: ["count": S.integer(minimum: 0)],
                optional: [
                    "log_loss": S.number(minimum: 0), "brier": S.number(minimum: 0, maximum: 1), "ece": S.number(minimum: 0, maximum: 1),
                ]),
        ]
    }
}
