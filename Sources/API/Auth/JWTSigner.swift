import Essentials
import Foundation

/// Issues and verifies HS256 JWTs with OpenSSL's HMAC-SHA256.
///
/// Only one algorithm exists here: a token whose header says anything but
/// `{"alg":"HS256"}` (`none`, `HS512`, `RS256`…) is refused before its signature is
/// looked at, signatures are compared in constant time, and `exp`, `nbf`, `iat`, `iss`
/// and `aud` are all checked, with `leeway` for clock skew.
public struct JWTSigner: Sendable {
    private let secret: JWTSecret
    /// The `iss` issued and required.
    public let issuer: String
    /// The `aud` issued and required.
    public let audience: String
    /// Clock skew tolerated on `exp`, `nbf` and `iat`.
    public let leeway: Duration

    private struct Header: Codable {
        var alg: String
        var typ: String?
    }

    private static let encodedHeader = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// A signer for one secret, issuer and audience.
    public init(secret: JWTSecret, issuer: String, audience: String, leeway: Duration = .seconds(30)) {
        self.secret = secret
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
    }

    /// The compact serialization of `claims`, signed.
    public func sign(_ claims: TokenClaims) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let signingInput = Self.encodedHeader + "." + Base64URL.encode(try encoder.encode(claims))
        return signingInput + "." + Base64URL.encode(HMAC.authenticate(Array(signingInput.utf8), key: secret.bytes))
    }

    /// The claims of `token` if it is genuine, current, ours and of `scope`.
    public func verify(_ token: String, scope: TokenClaims.Scope, now: Date = Date()) throws(TokenError) -> TokenClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 4096, parts.count == 3,
              let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2])
        else { throw .malformed }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)) else { throw .malformed }
        guard header.alg == "HS256", header.typ == nil || header.typ == "JWT" else { throw .unsupportedAlgorithm }
        let signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        guard HMAC.constantTimeEquals(HMAC.authenticate(signingInput, key: secret.bytes), signature) else {
            throw .badSignature
        }
        guard let claims = try? JSONDecoder().decode(TokenClaims.self, from: Data(claimBytes)) else { throw .malformed }
        let seconds = Int64(now.timeIntervalSince1970)
        let skew = leeway.components.seconds
        guard claims.exp > seconds - skew else { throw .expired }
        guard claims.nbf <= seconds + skew else { throw .notYetValid }
        guard claims.iat <= seconds + skew else { throw .issuedInFuture }
        guard claims.iss == issuer, claims.aud == audience else { throw .wrongIssuerOrAudience }
        guard claims.scope == scope else { throw .wrongScope }
        return claims
    }
}
