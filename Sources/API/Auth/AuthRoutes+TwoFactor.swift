import Essentials
import Foundation
import Hummingbird
import Logging
import Store

/// `/auth/2fa/…`: a signed-in user turns two-factor login on for themselves (`enrol`, then `confirm` with a code of
/// the app, which answers the recovery codes), gets new recovery codes, or turns it off (`TwoFactorEnrolment`).
///
/// Starting an enrolment takes the password, and turning two-factor login off takes the password and a code (or a
/// recovery code): a stolen session can neither tie the account to the thief's app nor take the second factor away.
/// A wrong password or code counts toward the login lockout, so a session is no way to guess either.
extension AuthRoutes {
    @Sendable func enrolTwoFactor(_ request: Request, context: APIRequestContext) async throws -> Envelope<TwoFactorEnrolment.Enrolment, EmptyMeta> {
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorEnrolRequest.self, context: context, limit: maxBodySize)
        let (user, id) = try await signedInUser(context)
        try await requireCurrentPassword(body.currentPassword, of: user)
        return Envelope(data: try await enrolment.start(user, id: id), meta: EmptyMeta())
    }

    @Sendable func confirmTwoFactor(_ request: Request, context: APIRequestContext) async throws
        -> Envelope<TwoFactorEnrolment.RecoveryCodes, EmptyMeta>
    {
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorCodeRequest.self, context: context, limit: maxBodySize)
        let (user, id) = try await signedInUser(context)
        let codes = try await enrolment.confirm(user, id: id, code: body.code)
        context.logger.notice("two-factor login turned on by the user", metadata: ["user": "\(Self.userID(id))"])
        return Envelope(data: codes, meta: EmptyMeta())
    }

    /// New recovery codes for a current code of the app; the old ones stop working.
    @Sendable func regenerateRecoveryCodes(_ request: Request, context: APIRequestContext) async throws
        -> Envelope<TwoFactorEnrolment.RecoveryCodes, EmptyMeta>
    {
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorCodeRequest.self, context: context, limit: maxBodySize)
        let (user, id) = try await signedInUser(context)
        try await spendCurrentCode(body.code, of: user, id: id)
        return Envelope(data: try await enrolment.regenerateRecoveryCodes(user, id: id), meta: EmptyMeta())
    }

    /// Turns two-factor login off. Every session of the user ends, as an admin's reset does; the answer is a new
    /// session's tokens.
    @Sendable func disableTwoFactor(_ request: Request, context: APIRequestContext) async throws -> Envelope<TokenPair, EmptyMeta> {
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorDisableRequest.self, context: context, limit: maxBodySize)
        guard (body.code == nil) != (body.recoveryCode == nil) else {
            throw APIError.validation("send either code or recovery_code", field: body.code == nil ? "code" : "recovery_code")
        }
        let (user, id) = try await signedInUser(context)
        try await requireCurrentPassword(body.currentPassword, of: user)
        if let code = body.code {
            try await spendCurrentCode(code, of: user, id: id)
        } else if let typed = body.recoveryCode {
            try enrolment.requireEnabled(user, id: id)
            guard let hash = RecoveryCode.hash(typed), try await database.recoveryCodes.consume(userID: id, hash: hash) else {
                try await throttle.recordFailure(user.email)
                throw APIError(
                    .unprocessableContent, code: "INVALID_RECOVERY_CODE", "the recovery code is wrong or was already used",
                    details: ["field": .string("recovery_code")])
            }
        }
        guard try await administration.resetTwoFactor(id: id) != nil else {
            throw APIError.unauthorized("the session's account is gone or disabled", reason: "unknown_user")
        }
        context.logger.notice("two-factor login turned off by the user; every session ended", metadata: ["user": "\(Self.userID(id))"])
        return Envelope(data: try await startSession(user: user, id: id), meta: EmptyMeta())
    }

    /// A current code of the user's app, spent; a wrong one counts toward the login lockout.
    private func spendCurrentCode(_ code: String, of user: User, id: UUID) async throws {
        try await throttle.requireUnlocked(user.email)
        do {
            try await enrolment.spendCurrentCode(user, id: id, code: code)
        } catch let error as APIError where error.code == "INVALID_2FA_CODE" {
            try await throttle.recordFailure(user.email)
            throw error
        }
    }
}
