import Essentials
import Foundation
import HTTPTypes
import Postgres
import Store

/// Two-factor enrolment and recovery codes, for an admin enrolling any user (`/admin/users/{id}/2fa/…`) and for a
/// user enrolling themselves (`/auth/2fa/…`).
///
/// Enrolment has two steps, so a secret that never reached an authenticator app cannot lock anyone out: `start`
/// stores a new secret as pending (sealed at rest like every TOTP secret) and answers its `otpauth://` URI; `confirm`
/// with a code from the app turns two-factor login on and answers the one-time recovery codes, shown only then.
struct TwoFactorEnrolment: Sendable {
    let database: any PostgresDatabase
    let sealing: SecretSealing
    /// Where spent codes are remembered: the code that confirms an enrolment cannot then log in.
    let sessions: SessionStore

    /// What starting an enrolment answers: the URI to scan (or the secret to type).
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

    /// Starts an enrolment of `user`, replacing one not yet confirmed; 409 when two-factor login is already on.
    func start(_ user: User, id: UUID) async throws -> Enrolment {
        guard user.totpSecret == nil else {
            throw APIError.userConflict(
                code: "TWO_FACTOR_ALREADY_ENABLED", "two-factor login is already on for this user; turn it off first", userID: id)
        }
        let secret = try TOTP.makeSecret()
        guard try await database.users.startTOTPEnrolment(id: id, pendingSecret: try sealing.seal(secret)) else {
            throw APIError.userNotFound(id)
        }
        return Enrolment(userId: AuthRoutes.userID(id), otpauthUri: TOTP.provisioningURI(secret: secret, account: user.email), secret: secret)
    }

    /// Confirms `user`'s pending enrolment with a current code; 409 when none is pending, 422 for a wrong code.
    func confirm(_ user: User, id: UUID, code: String) async throws -> RecoveryCodes {
        guard let pending = user.totpPendingSecret else {
            throw APIError.userConflict(
                code: "NO_PENDING_ENROLMENT", "no two-factor enrolment is waiting for this user; start one first", userID: id)
        }
        try await spend(code, of: pending, userID: id, wrong: "the code does not match the pending secret; check the app's clock")
        return try await newRecoveryCodes(for: id) { hashes in
            guard try await database.users.confirmTOTPEnrolment(id: id, expected: pending, recoveryCodeHashes: hashes) else {
                throw APIError(.conflict, code: "NO_PENDING_ENROLMENT", "the enrolment was replaced or reset meanwhile; start again")
            }
        }
    }

    /// Replaces `user`'s recovery codes with new ones (the old ones stop working); 409 without two-factor login.
    func regenerateRecoveryCodes(_ user: User, id: UUID) async throws -> RecoveryCodes {
        try requireEnabled(user, id: id)
        return try await newRecoveryCodes(for: id) { hashes in
            try await database.recoveryCodes.replace(userID: id, hashes: hashes)
        }
    }

    /// Spends a current code of `user`'s enabled secret: 409 without two-factor login, 422 for a wrong or used code.
    func spendCurrentCode(_ user: User, id: UUID, code: String) async throws {
        try await spend(code, of: try requireEnabled(user, id: id), userID: id, wrong: "the two-factor code is wrong or expired")
    }

    /// `user`'s sealed secret; 409 `TWO_FACTOR_NOT_ENABLED` without two-factor login.
    @discardableResult
    func requireEnabled(_ user: User, id: UUID) throws -> String {
        guard let secret = user.totpSecret else {
            throw APIError.userConflict(code: "TWO_FACTOR_NOT_ENABLED", "two-factor login is off for this user; enrol first", userID: id)
        }
        return secret
    }

    /// Checks `code` against the sealed secret and spends its time step, so the same code works once.
    private func spend(_ code: String, of sealed: String, userID id: UUID, wrong: String) async throws {
        guard let totp = TOTP(base32Secret: try sealing.open(sealed)), let step = totp.matchingStep(for: code, at: Date()) else {
            throw APIError(.unprocessableContent, code: "INVALID_2FA_CODE", wrong, details: ["field": .string("code")])
        }
        guard try await sessions.spendTOTPStep(step, userID: AuthRoutes.userID(id), period: totp.period) else {
            throw APIError(
                .unprocessableContent, code: "INVALID_2FA_CODE", "this code was already used; wait for the next one",
                details: ["field": .string("code")])
        }
    }

    /// New recovery codes for user `id`: `store` keeps their hashes, and the answer shows the codes themselves, the
    /// only time they are ever shown.
    private func newRecoveryCodes(for id: UUID, store: ([String]) async throws -> Void) async throws -> RecoveryCodes {
        let codes = try RecoveryCode.generate()
        try await store(codes.compactMap(RecoveryCode.hash))
        return RecoveryCodes(userId: AuthRoutes.userID(id), recoveryCodes: codes)
    }
}
