import Essentials
import Foundation

/// Makes the platform's access and two-factor tokens.
struct TokenIssuer: Sendable {
    let signer: JWTSigner
    /// Access tokens live this long (the seed's 15 minutes).
    let accessTokenLifetime: Duration
    /// Two-factor tokens live this long.
    let twoFactorTokenLifetime: Duration

    func accessToken(userID: String, role: Role, sessionID: String, now: Date = Date()) throws -> String {
        try signer.sign(claims(userID: userID, role: role, sessionID: sessionID, scope: .access, lifetime: accessTokenLifetime, now: now))
    }

    /// A new access token of the session beside its `refresh` token: what a login, a 2FA verification or a refresh answers.
    func tokenPair(userID: String, role: Role, sessionID: String, refresh: RefreshToken) throws -> TokenPair {
        TokenPair(
            accessToken: try accessToken(userID: userID, role: role, sessionID: sessionID), refreshToken: refresh.text,
            expiresIn: accessTokenLifetime.components.seconds)
    }

    func twoFactorToken(userID: String, role: Role, now: Date = Date()) throws -> (token: String, claims: TokenClaims) {
        let claims = try claims(userID: userID, role: role, sessionID: nil, scope: .twoFactor, lifetime: twoFactorTokenLifetime, now: now)
        return (try signer.sign(claims), claims)
    }

    private func claims(
        userID: String, role: Role, sessionID: String?, scope: TokenClaims.Scope, lifetime: Duration, now: Date
    ) throws -> TokenClaims {
        let issued = Int64(now.timeIntervalSince1970)
        return TokenClaims(
            iss: signer.issuer, aud: signer.audience, sub: userID, iat: issued, nbf: issued,
            exp: issued + lifetime.components.seconds, jti: Base64URL.encode(try SecureRandom.bytes(16)),
            role: role.rawValue, sid: sessionID, scope: scope)
    }
}
