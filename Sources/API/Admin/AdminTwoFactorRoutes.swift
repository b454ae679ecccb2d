import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `/admin/users/{id}/2fa/…`: two-factor enrolment of any user by an admin, and fresh recovery codes.
///
/// Enrolment has two steps, so a secret that never reached an authenticator app cannot lock anyone out: `enrol`
/// stores a new secret as pending (sealed at rest like every TOTP secret) and answers its `otpauth://` URI; `confirm`
/// with a code from the app turns two-factor login on and answers the one-time recovery codes, shown only then.
struct AdminTwoFactorRoutes: Sendable {
    let database: any PostgresDatabase
    let sealing: TOTPSealing
    /// Where spent codes are remembered: the code that confirms an enrolment cannot then log in.
    let sessions: SessionStore
    let maxBodySize: Int

    func register(on group: RouteRegistrar) {
        group.post("users/{id}/2fa/enrol", use: enrol)
        group.post("users/{id}/2fa/confirm", use: confirm)
        group.post("users/{id}/2fa/recovery-codes", use: regenerateRecoveryCodes)
    }

    /// What an enrolment answers: the URI to scan (or the secret to type).
    struct Enrolment: Encodable, Sendable {
        var userId: String
        var otpauthUri: String
        var secret: String
    }

    /// What a confirmation or new recovery codes answer; the codes are never shown again.
    struct RecoveryCodes: Encodable, Sendable {
        var userId: String
        var twoFactorEnabled = true
        var recoveryCodes: [String]
    }

    /// Starts an enrolment, replacing one not yet confirmed; 409 when two-factor login is already on (reset it first).
    @Sendable func enrol(_ request: Request, context: APIRequestContext) async throws -> Envelope<Enrolment, EmptyMeta> {
        let id = try AdminUserRoutes.id(context)
        let user = try await AdminUserRoutes.user(id, in: database)
        guard user.totpSecret == nil else {
            throw AdminUserRoutes.conflict(
                code: "TWO_FACTOR_ALREADY_ENABLED", "two-factor login is already on for this user; reset it first", userID: id)
        }
        let secret = try TOTP.makeSecret()
        guard try await database.users.startTOTPEnrolment(id: id, pendingSecret: try sealing.seal(secret)) else {
            throw AdminUserRoutes.notFound(id)
        }
        return Envelope(
            data: Enrolment(userId: AuthRoutes.userID(id), otpauthUri: TOTP.provisioningURI(secret: secret, account: user.email), secret: secret),
            meta: EmptyMeta())
    }

    /// Confirms the pending enrolment with a current code; 409 when none is pending, 422 for a wrong code.
    @Sendable func confirm(_ request: Request, context: APIRequestContext) async throws -> Envelope<RecoveryCodes, EmptyMeta> {
        let id = try AdminUserRoutes.id(context)
        let user = try await AdminUserRoutes.user(id, in: database)
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorConfirmRequest.self, context: context, limit: maxBodySize)
        guard let pending = user.totpPendingSecret else {
            throw AdminUserRoutes.conflict(
                code: "NO_PENDING_ENROLMENT", "no two-factor enrolment is waiting for this user; start one first", userID: id)
        }
        guard let totp = TOTP(base32Secret: try sealing.open(pending)), let step = totp.matchingStep(for: body.code, at: Date()) else {
            throw APIError(
                .unprocessableContent, code: "INVALID_2FA_CODE", "the code does not match the pending secret; check the app's clock",
                details: ["field": .string("code")])
        }
        guard try await sessions.spendTOTPStep(step, userID: AuthRoutes.userID(id), period: totp.period) else {
            throw APIError(
                .unprocessableContent, code: "INVALID_2FA_CODE", "this code was already used; wait for the next one",
                details: ["field": .string("code")])
        }
        return try await Self.newRecoveryCodes(for: id) { hashes in
            guard try await database.users.confirmTOTPEnrolment(id: id, expected: pending, recoveryCodeHashes: hashes) else {
                throw APIError(.conflict, code: "NO_PENDING_ENROLMENT", "the enrolment was replaced or reset meanwhile; start again")
            }
        }
    }

    /// Replaces the user's recovery codes with new ones (the old ones stop working); 409 without two-factor login.
    @Sendable func regenerateRecoveryCodes(_ request: Request, context: APIRequestContext) async throws -> Envelope<RecoveryCodes, EmptyMeta> {
        let id = try AdminUserRoutes.id(context)
        let user = try await AdminUserRoutes.user(id, in: database)
        guard user.totpSecret != nil else {
            throw AdminUserRoutes.conflict(
                code: "TWO_FACTOR_NOT_ENABLED", "two-factor login is off for this user; enrol first", userID: id)
        }
        return try await Self.newRecoveryCodes(for: id) { hashes in
            try await database.recoveryCodes.replace(userID: id, hashes: hashes)
        }
    }

    /// New recovery codes for user `id`: `store` keeps their hashes, and the answer shows the codes themselves, the
    /// only time they are ever shown.
    private static func newRecoveryCodes(
        for id: UUID, store: ([String]) async throws -> Void
    ) async throws -> Envelope<RecoveryCodes, EmptyMeta> {
        let codes = try RecoveryCode.generate()
        try await store(codes.compactMap(RecoveryCode.hash))
        return Envelope(data: RecoveryCodes(userId: AuthRoutes.userID(id), recoveryCodes: codes), meta: EmptyMeta())
    }
}
