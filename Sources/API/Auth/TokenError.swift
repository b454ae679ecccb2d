/// Why a bearer token was refused. Every case answers 401; the reason goes in the error details.
public enum TokenError: String, Error, Sendable {
    /// Not three base64url parts, or a header or claims that are not the expected JSON.
    case malformed
    /// `alg` is not HS256 (`none` included) or `typ` is not JWT.
    case unsupportedAlgorithm = "unsupported_algorithm"
    /// The HMAC does not match.
    case badSignature = "bad_signature"
    /// `exp` has passed.
    case expired
    /// `nbf` is in the future.
    case notYetValid = "not_yet_valid"
    /// `iat` is in the future.
    case issuedInFuture = "issued_in_future"
    /// `iss` or `aud` is not this platform's.
    case wrongIssuerOrAudience = "wrong_issuer_or_audience"
    /// A token of another scope (a two-factor token used as an access token, say).
    case wrongScope = "wrong_scope"
    /// The session was ended by logout or by refresh-token reuse.
    case sessionEnded = "session_ended"
}
