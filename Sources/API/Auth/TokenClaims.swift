import Foundation

/// The claims of the platform's JWTs (RFC 7519 names), access and two-factor tokens alike.
public struct TokenClaims: Codable, Sendable, Equatable {
    /// What a token may be used for.
    public enum Scope: String, Codable, Sendable {
        /// Calls to the API.
        case access
        /// Only `POST /auth/2fa/verify`: the password was right, the second factor is still due.
        case twoFactor = "2fa"
    }

    /// Issuer.
    public var iss: String
    /// Audience.
    public var aud: String
    /// Subject: the user id.
    public var sub: String
    /// Issued at, seconds since the epoch.
    public var iat: Int64
    /// Not before, seconds since the epoch.
    public var nbf: Int64
    /// Expires at, seconds since the epoch.
    public var exp: Int64
    /// Unique token id.
    public var jti: String
    /// The user's role when the token was issued.
    public var role: String
    /// The session (refresh-token family) the token belongs to; logout ends it.
    public var sid: String?
    /// What the token may be used for.
    public var scope: Scope

    /// Claims with every field given.
    public init(
        iss: String, aud: String, sub: String, iat: Int64, nbf: Int64, exp: Int64, jti: String, role: String, sid: String?,
        scope: Scope
    ) {
        self.iss = iss
        self.aud = aud
        self.sub = sub
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.jti = jti
        self.role = role
        self.sid = sid
        self.scope = scope
    }
}
