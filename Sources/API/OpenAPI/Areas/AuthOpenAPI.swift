import OpenAPIKit

/// Login (with TOTP two-factor), token refresh, logout, changing one's password and turning one's two-factor login on
/// or off.
enum AuthOpenAPI: OpenAPIArea {
    static let tag = "auth"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/auth/login": post(
                operation(
                    "Log in with email and password. With 2FA enabled, answers a two-factor token instead of tokens.",
                    secured: false, body: S.reference("LoginRequest"),
                    example: AnyCodable(["email": "analyst@example.com", "password": "correct-horse-battery-staple"]),
                    responses: [
                        200: .json(
                            S.envelope(.one(of: [S.reference("TokenPair"), S.reference("TwoFactorChallenge")])),
                            links: [
                                "refresh": .b(
                                    OpenAPI.Link(
                                        operationId: "refreshTokens",
                                        requestBody: .b(AnyCodable(["refresh_token": "$response.body#/data/refresh_token"]))))
                            ])
                    ],
                    errors: [400, 401, 413, 429])),
            "/api/v1/auth/2fa/verify": post(
                operation(
                    "Finish a 2FA login with a TOTP code (RFC 6238) or a one-time recovery code (each works once).", secured: false,
                    body: S.reference("TwoFactorRequest"), responses: [200: .json(S.envelope(S.reference("TokenPair")))],
                    errors: [400, 401, 413, 429])),
            "/api/v1/auth/refresh": post(
                operation(
                    "Trade a refresh token for a new pair; the old one dies, and reusing it ends the session.", id: "refreshTokens",
                    secured: false, body: S.reference("RefreshRequest"),
                    responses: [200: .json(S.envelope(S.reference("TokenPair")))], errors: [400, 401, 413, 429])),
            "/api/v1/auth/logout": post(
                operation(
                    "End the session of the access token.",
                    responses: [200: .json(S.envelope(S.object(required: ["logged_out": S.boolean])))],
                    errors: [401, 429])),
            "/api/v1/auth/password": post(
                operation(
                    "Change one's own password. Every session of the user ends, on every device; the answer is a new session's tokens. "
                        + "403 INVALID_CURRENT_PASSWORD for a wrong current password, which counts as a failed login toward the lockout.",
                    body: S.reference("PasswordChangeRequest"), responses: [200: .json(S.envelope(S.reference("TokenPair")))],
                    errors: [400, 401, 403, 413, 429])),
            "/api/v1/auth/2fa/enrol": post(
                operation(
                    "Start turning two-factor login on for oneself: a new secret, sealed at rest, pending until confirmed; answers the "
                        + "otpauth URI to scan. Takes the password (403 INVALID_CURRENT_PASSWORD, counted toward the lockout); 409 "
                        + "TWO_FACTOR_ALREADY_ENABLED when it is on.",
                    body: S.reference("TwoFactorEnrolRequest"), responses: [200: .json(S.envelope(S.reference("TwoFactorEnrolment")))],
                    errors: [400, 401, 403, 409, 413, 429])),
            "/api/v1/auth/2fa/confirm": post(
                operation(
                    "Confirm one's pending enrolment with a code from the app: two-factor login is on; answers the one-time recovery "
                        + "codes, shown only now. 409 NO_PENDING_ENROLMENT, 422 INVALID_2FA_CODE.",
                    body: S.reference("TwoFactorConfirm"), example: AnyCodable(["code": "123456"]),
                    responses: [200: .json(S.envelope(S.reference("RecoveryCodes")))], errors: [400, 401, 409, 413, 422, 429])),
            "/api/v1/auth/2fa/recovery-codes": post(
                operation(
                    "New recovery codes for a current code of the app; the old ones stop working. 409 TWO_FACTOR_NOT_ENABLED, 422 "
                        + "INVALID_2FA_CODE.",
                    body: S.reference("TwoFactorConfirm"), example: AnyCodable(["code": "123456"]),
                    responses: [200: .json(S.envelope(S.reference("RecoveryCodes")))], errors: [400, 401, 409, 413, 422, 429])),
            "/api/v1/auth/2fa/disable": post(
                operation(
                    "Turn one's two-factor login off, with the password and a code of the app or a recovery code. Every session of "
                        + "the user ends; the answer is a new session's tokens. 403 INVALID_CURRENT_PASSWORD, 409 TWO_FACTOR_NOT_ENABLED, "
                        + "422 INVALID_2FA_CODE or INVALID_RECOVERY_CODE.",
                    body: S.reference("TwoFactorDisableRequest"), responses: [200: .json(S.envelope(S.reference("TokenPair")))],
                    errors: [400, 401, 403, 409, 413, 422, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "LoginRequest": S.object(required: [
                "email": S.string(pattern: "@", minLength: 3, maxLength: 254), "password": S.string(minLength: 1, maxLength: 256),
            ]),
            "TwoFactorRequest": .one(of: [
                S.object(required: ["two_factor_token": S.string(), "code": S.string(pattern: "^[0-9]{6}$")]),
                S.object(required: [
                    "two_factor_token": S.string(),
                    "recovery_code": S.string(pattern: "^[a-zA-Z2-7]{4}(-?[a-zA-Z2-7]{4}){3}$", minLength: 16, maxLength: 19),
                ]),
            ]),
            // Characters, not bytes: 256 of them are at most the 1024 bytes the server takes.
            "PasswordChangeRequest": S.object(required: [
                "current_password": S.string(minLength: 1, maxLength: 256), "new_password": S.string(minLength: 8, maxLength: 256),
            ]),
            "TwoFactorEnrolRequest": S.object(required: ["current_password": S.string(minLength: 1, maxLength: 256)]),
            "TwoFactorDisableRequest": .one(of: [
                S.object(required: ["current_password": S.string(minLength: 1, maxLength: 256), "code": S.string(pattern: "^[0-9]{6}$")]),
                S.object(required: [
                    "current_password": S.string(minLength: 1, maxLength: 256),
                    "recovery_code": S.string(pattern: "^[a-zA-Z2-7]{4}(-?[a-zA-Z2-7]{4}){3}$", minLength: 16, maxLength: 19),
                ]),
            ]),
            "RefreshRequest": S.object(required: ["refresh_token": S.string()]),
            "TokenPair": S.object(required: [
                "access_token": S.string(), "refresh_token": S.string(), "token_type": S.string(), "expires_in": S.integer(),
            ]),
            "TwoFactorChallenge": S.object(required: [
                "two_factor_required": S.boolean, "two_factor_token": S.string(), "expires_in": S.integer(),
            ]),
        ]
    }
}
