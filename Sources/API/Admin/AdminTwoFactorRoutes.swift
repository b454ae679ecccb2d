import Hummingbird
import Store

/// `/admin/users/{id}/2fa/…`: two-factor enrolment of any user by an admin, and fresh recovery codes
/// (`TwoFactorEnrolment`).
struct AdminTwoFactorRoutes: Sendable {
    let enrolment: TwoFactorEnrolment
    let maxBodySize: Int

    func register(on group: RouteRegistrar) {
        group.post("users/{id}/2fa/enrol", use: enrol)
        group.post("users/{id}/2fa/confirm", use: confirm)
        group.post("users/{id}/2fa/recovery-codes", use: regenerateRecoveryCodes)
    }

    /// Starts an enrolment, replacing one not yet confirmed; 409 when two-factor login is already on (reset it first).
    @Sendable func enrol(_ request: Request, context: APIRequestContext) async throws -> Envelope<TwoFactorEnrolment.Enrolment, EmptyMeta> {
        let id = try AdminUserRoutes.id(context)
        return Envelope(data: try await enrolment.start(try await AdminUserRoutes.user(id, in: enrolment.database), id: id), meta: EmptyMeta())
    }

    /// Confirms the pending enrolment with a current code; 409 when none is pending, 422 for a wrong code.
    @Sendable func confirm(_ request: Request, context: APIRequestContext) async throws -> Envelope<TwoFactorEnrolment.RecoveryCodes, EmptyMeta> {
        let id = try AdminUserRoutes.id(context)
        let user = try await AdminUserRoutes.user(id, in: enrolment.database)
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorCodeRequest.self, context: context, limit: maxBodySize)
        return Envelope(data: try await enrolment.confirm(user, id: id, code: body.code), meta: EmptyMeta())
    }

    /// Replaces the user's recovery codes with new ones (the old ones stop working); 409 without two-factor login.
    @Sendable func regenerateRecoveryCodes(_ request: Request, context: APIRequestContext) async throws
        -> Envelope<TwoFactorEnrolment.RecoveryCodes, EmptyMeta>
    {
        let id = try AdminUserRoutes.id(context)
        let user = try await AdminUserRoutes.user(id, in: enrolment.database)
        return Envelope(data: try await enrolment.regenerateRecoveryCodes(user, id: id), meta: EmptyMeta())
    }
}
