import Essentials
import Foundation
import Hummingbird
import Logging
import Postgres
import Redis
import Store

/// `POST /auth/login`, `/auth/2fa/verify` (with the app's code or a one-time recovery code), `/auth/refresh` (public),
/// `/auth/logout` and `/auth/password` (signed in).
struct AuthRoutes: Sendable {
    let database: any PostgresDatabase
    let redis: RedisClient
    let issuer: TokenIssuer
    let sessions: SessionStore
    let throttle: LoginThrottle
    let hasher: PasswordHasher
    let administration: UserAdministration
    let totpKeyring: SecretKeyring?
    let enrolment: TwoFactorEnrolment
    let maxBodySize: Int

    func register(public group: RouteRegistrar, authenticated: RouteRegistrar) {
        group.post("auth/login", use: login)
        group.post("auth/2fa/verify", use: verifyTwoFactor)
        group.post("auth/refresh", use: refresh)
        authenticated.post("auth/logout", use: logout)
        authenticated.post("auth/password", use: changePassword)
        authenticated.post("auth/2fa/enrol", use: enrolTwoFactor)
        authenticated.post("auth/2fa/confirm", use: confirmTwoFactor)
        authenticated.post("auth/2fa/recovery-codes", use: regenerateRecoveryCodes)
        authenticated.post("auth/2fa/disable", use: disableTwoFactor)
    }

    private static let invalidCredentials = APIError(.unauthorized, code: "INVALID_CREDENTIALS", "the email or password is wrong")

    @Sendable func login(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await throttle.admitAttempt(from: context.remoteAddress)
        var request = request
        let body = try await request.decodeShortJSON(LoginRequest.self, context: context, limit: maxBodySize)
        guard (3...254).contains(body.email.utf8.count), body.email.contains("@") else {
            throw APIError.validation("email must be an email address", field: "email")
        }
        guard (1...1024).contains(body.password.utf8.count) else {
            throw APIError.validation("password must be 1 to 1024 bytes", field: "password")
        }
        try await throttle.requireUnlocked(body.email)
        guard let user = try await database.users.find(email: body.email), user.isActive, let id = user.id else {
            try await hasher.verifyDummy(body.password)
            try await throttle.recordFailure(body.email)
            throw Self.invalidCredentials
        }
        guard try await hasher.verify(body.password, against: user.passwordHash) else {
            try await throttle.recordFailure(body.email)
            throw Self.invalidCredentials
        }
        let role = Role(user.role)
        if user.totpSecret != nil {
            // Failures are forgotten only once the second factor is right too: a stolen password
            // must not buy a fresh round of code guesses with every login.
            let (token, claims) = try issuer.twoFactorToken(userID: Self.userID(id), role: role)
            let challenge = TwoFactorChallenge(twoFactorToken: token, expiresIn: claims.exp - claims.iat)
            return try context.responseEncoder.encode(Envelope(data: challenge, meta: EmptyMeta()), from: request, context: context)
        }
        try await throttle.clearFailures(body.email)
        let pair = try await startSession(user: user, id: id)
        return try context.responseEncoder.encode(Envelope(data: pair, meta: EmptyMeta()), from: request, context: context)
    }

    @Sendable func verifyTwoFactor(_ request: Request, context: APIRequestContext) async throws -> Envelope<TokenPair, EmptyMeta> {
        try await throttle.admitAttempt(from: context.remoteAddress)
        var request = request
        let body = try await request.decodeShortJSON(TwoFactorRequest.self, context: context, limit: maxBodySize)
        guard (body.code == nil) != (body.recoveryCode == nil) else {
            throw APIError.validation("send either code or recovery_code", field: body.code == nil ? "code" : "recovery_code")
        }
        let claims = try issuer.signer.verify(body.twoFactorToken, scope: .twoFactor)
        guard let uuid = UUID(uuidString: claims.sub), let user = try await database.users.find(id: uuid), user.isActive,
              let id = user.id, let stored = user.totpSecret
        else { throw APIError.unauthorized("the two-factor token was refused", reason: "unknown_user") }
        guard let totp = TOTP(base32Secret: try SecretSealing(keyring: totpKeyring, purpose: .totp).open(stored)) else {
            throw APIError.unauthorized("the two-factor token was refused", reason: "unknown_user")
        }
        try await throttle.requireUnlocked(user.email)
        let prefix = sessions.prefix(Self.userID(id))
        if let code = body.code {
            guard let step = totp.matchingStep(for: code, at: Date()) else {
                try await throttle.recordFailure(user.email)
                throw APIError(.unauthorized, code: "INVALID_2FA_CODE", "the two-factor code is wrong or expired")
            }
            guard try await sessions.spendTOTPStep(step, userID: Self.userID(id), period: totp.period) else {
                throw APIError(.unauthorized, code: "INVALID_2FA_CODE", "this two-factor code was already used; wait for the next one")
            }
        } else if let typed = body.recoveryCode {
            // Spent before the token is checked: a replayed token with a stolen code burns the code either way.
            guard let hash = RecoveryCode.hash(typed), try await database.recoveryCodes.consume(userID: id, hash: hash) else {
                try await throttle.recordFailure(user.email)
                throw APIError(.unauthorized, code: "INVALID_RECOVERY_CODE", "the recovery code is wrong or was already used")
            }
            context.logger.notice("recovery code used", metadata: ["user": "\(Self.userID(id))"])
        }
        // A two-factor token is good for one successful verification.
        let first = try await redis.send("SET", prefix + "2fa:" + claims.jti, "1", "NX", "PX", String((claims.exp - claims.iat + 60) * 1000))
        guard !first.isNull else {
            throw APIError.unauthorized("the two-factor token was already used", reason: "token_used")
        }
        try await throttle.clearFailures(user.email)
        return Envelope(data: try await startSession(user: user, id: id), meta: EmptyMeta())
    }

    @Sendable func refresh(_ request: Request, context: APIRequestContext) async throws -> Envelope<TokenPair, EmptyMeta> {
        try await throttle.admitAttempt(from: context.remoteAddress)
        var request = request
        let body = try await request.decodeShortJSON(RefreshRequest.self, context: context, limit: maxBodySize)
        let invalid = APIError(.unauthorized, code: "INVALID_REFRESH_TOKEN", "the refresh token is not valid; log in again")
        guard let token = RefreshToken(text: body.refreshToken) else { throw invalid }
        switch try await sessions.rotate(token) {
        case .invalid:
            throw invalid
        case .reused:
            context.logger.warning("refresh token reuse: session revoked", metadata: ["user": "\(token.userID)"])
            throw APIError(
                .unauthorized, code: "REFRESH_TOKEN_REUSED",
                "this refresh token was already used; the session has been ended for safety, log in again")
        case .rotated(let sessionID, let next):
            // The role and the account's state are read afresh: a demoted or disabled user loses access at refresh.
            guard let uuid = UUID(uuidString: token.userID), let user = try await database.users.find(id: uuid), user.isActive else {
                try await sessions.end(userID: token.userID, sessionID: sessionID)
                throw invalid
            }
            return Envelope(
                data: try issuer.tokenPair(userID: token.userID, role: Role(user.role), sessionID: sessionID, refresh: next), meta: EmptyMeta())
        }
    }

    @Sendable func logout(_ request: Request, context: APIRequestContext) async throws -> Envelope<LogoutResult, EmptyMeta> {
        let identity = try context.requireIdentity()
        try await sessions.end(userID: identity.userID, sessionID: identity.sessionID)
        return Envelope(data: LogoutResult(), meta: EmptyMeta())
    }

    /// Changes the signed-in user's password. The current one must be right, and a wrong one counts as a failed login
    /// (a stolen session must not be a way to guess it or to lock its owner out with a password only the thief knows).
    /// Every session of the user ends, on every device; the answer is a new session's tokens.
    @Sendable func changePassword(_ request: Request, context: APIRequestContext) async throws -> Envelope<TokenPair, EmptyMeta> {
        let identity = try context.requireIdentity()
        var request = request
        let body = try await request.decodeShortJSON(PasswordChangeRequest.self, context: context, limit: maxBodySize)
        try body.validate()
        let (user, id) = try await signedInUser(context)
        try await requireCurrentPassword(body.currentPassword, of: user)
        guard try await administration.setPassword(id: id, to: body.newPassword) != nil else {
            throw APIError.unauthorized("the session's account is gone or disabled", reason: "unknown_user")
        }
        context.logger.notice("password changed; every session of the user ended", metadata: ["user": "\(identity.userID)"])
        return Envelope(data: try await startSession(user: user, id: id), meta: EmptyMeta())
    }

    /// The signed-in user, active; 401 when the session's account is gone or disabled.
    func signedInUser(_ context: APIRequestContext) async throws -> (user: User, id: UUID) {
        guard let user = try await database.users.find(id: try context.requireUserID()), user.isActive, let id = user.id else {
            throw APIError.unauthorized("the session's account is gone or disabled", reason: "unknown_user")
        }
        return (user, id)
    }

    /// Checks a signed-in user's password again before a change a stolen session must not make: 403
    /// `INVALID_CURRENT_PASSWORD`, counted toward the login lockout (a session must not be a way to guess it).
    func requireCurrentPassword(_ password: String, of user: User) async throws {
        try await throttle.requireUnlocked(user.email)
        guard try await hasher.verify(password, against: user.passwordHash) else {
            try await throttle.recordFailure(user.email)
            throw APIError(
                .forbidden, code: "INVALID_CURRENT_PASSWORD", "the current password is wrong", details: ["field": .string("current_password")])
        }
        try await throttle.clearFailures(user.email)
    }

    func startSession(user: User, id: UUID) async throws -> TokenPair {
        let userID = Self.userID(id)
        let (sessionID, refresh) = try await sessions.open(userID: userID)
        try await database.users.recordLogin(id: id)
        return try issuer.tokenPair(userID: userID, role: Role(user.role), sessionID: sessionID, refresh: refresh)
    }

    static func userID(_ id: UUID) -> String { id.uuidString.lowercased() }
}
