/// What a successful login, 2FA verification or refresh answers.
struct TokenPair: Encodable, Sendable {
    var accessToken: String
    var refreshToken: String
    var tokenType = "Bearer"
    /// Seconds the access token lives.
    var expiresIn: Int64
}
