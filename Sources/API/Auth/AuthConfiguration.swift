import Essentials

/// How tokens are signed and how long they live, and how logins are throttled.
public struct AuthConfiguration: Sendable {
    /// The HS256 key.
    public var secret: JWTSecret
    /// `iss` of every token.
    public var issuer: String = "aips"
    /// `aud` of every token.
    public var audience: String = "aips-api"
    /// Access tokens live 15 minutes (the seed's flow).
    public var accessTokenLifetime: Duration = .seconds(15 * 60)
    /// A session ends this long after its last refresh (the seed's 30-minute user session).
    public var sessionLifetime: Duration = .seconds(30 * 60)
    /// The window to finish 2FA after a correct password.
    public var twoFactorTokenLifetime: Duration = .seconds(5 * 60)
    /// Clock skew tolerated on `exp`, `nbf` and `iat`.
    public var clockLeeway: Duration = .seconds(30)
    /// Login and 2FA attempts per client address.
    public var loginAttemptsPerAddress = RateLimit(requests: 30, per: .seconds(60))
    /// Failed passwords or codes before an account is locked.
    public var maxFailedLogins: Int = 5
    /// How long a locked account stays locked.
    public var lockout: Duration = .seconds(15 * 60)
    /// scrypt's parameters for new password hashes.
    public var passwordHasher = PasswordHasher()
    /// Opens the TOTP secrets stored sealed (`TOTP_ENCRYPTION_KEYS`); nil reads only plaintext ones from before.
    public var totpKeyring: SecretKeyring?

    /// Settings with `secret` and documented defaults for the rest.
    public init(secret: JWTSecret) {
        self.secret = secret
    }

    var signer: JWTSigner { JWTSigner(secret: secret, issuer: issuer, audience: audience, leeway: clockLeeway) }
}
