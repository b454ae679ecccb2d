import API
import Essentials
import Foundation
import Testing

/// Forged, expired, premature and foreign tokens are all refused, each for its own reason.
struct JWTSignerTests {
    let signer = JWTSigner(secret: try! JWTSecret("0123456789abcdef0123456789abcdef"), issuer: "aips", audience: "aips-api")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func claims(_ edit: (inout TokenClaims) -> Void = { _ in }) -> TokenClaims {
        let issued = Int64(now.timeIntervalSince1970)
        var claims = TokenClaims(
            iss: "aips", aud: "aips-api", sub: "user-1", iat: issued, nbf: issued, exp: issued + 900, jti: "j1",
            role: "user", sid: "s1", scope: .access)
        edit(&claims)
        return claims
    }

    func reason(_ token: String) -> TokenError? {
        do {
            _ = try signer.verify(token, scope: .access, now: now)
            return nil
        } catch {
            return error
        }
    }

    func unsigned(header: String, claims: TokenClaims) throws -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(try JSONEncoder().encode(claims))
    }

    @Test func aGenuineTokenVerifies() throws {
        let token = try signer.sign(claims())
        #expect(try signer.verify(token, scope: .access, now: now) == claims())
    }

    @Test func algNoneIsRefused() throws {
        let token = try unsigned(header: #"{"alg":"none","typ":"JWT"}"#, claims: claims()) + "."
        #expect(reason(token) == .unsupportedAlgorithm)
    }

    @Test func otherAlgorithmsAreRefusedEvenWithAValidHS256Signature() throws {
        for alg in ["HS512", "RS256", "hs256", "ES256"] {
            let input = try unsigned(header: #"{"alg":"\#(alg)","typ":"JWT"}"#, claims: claims())
            let mac = HMAC.authenticate(Array(input.utf8), key: Array("0123456789abcdef0123456789abcdef".utf8))
            #expect(reason(input + "." + Base64URL.encode(mac)) == .unsupportedAlgorithm, "\(alg)")
        }
    }

    @Test func aTokenSignedWithAnotherKeyIsRefused() throws {
        let other = JWTSigner(secret: try JWTSecret("another-secret-of-thirty-two-bytes!!"), issuer: "aips", audience: "aips-api")
        #expect(reason(try other.sign(claims())) == .badSignature)
    }

    @Test func aTamperedPayloadIsRefused() throws {
        let parts = try signer.sign(claims()).split(separator: ".")
        let forged = Base64URL.encode(try JSONEncoder().encode(claims { $0.role = "admin" }))
        #expect(reason("\(parts[0]).\(forged).\(parts[2])") == .badSignature)
    }

    @Test func expiredPrematureAndFutureIssuedTokensAreRefused() throws {
        #expect(reason(try signer.sign(claims { $0.exp = Int64(now.timeIntervalSince1970) - 31 })) == .expired)
        #expect(reason(try signer.sign(claims { $0.nbf = Int64(now.timeIntervalSince1970) + 120 })) == .notYetValid)
        #expect(reason(try signer.sign(claims { $0.iat = Int64(now.timeIntervalSince1970) + 120 })) == .issuedInFuture)
        #expect(reason(try signer.sign(claims { $0.exp = Int64(now.timeIntervalSince1970) - 10 })) == nil, "within the leeway")
    }

    @Test func foreignIssuerAudienceAndScopeAreRefused() throws {
        #expect(reason(try signer.sign(claims { $0.iss = "someone-else" })) == .wrongIssuerOrAudience)
        #expect(reason(try signer.sign(claims { $0.aud = "other-api" })) == .wrongIssuerOrAudience)
        #expect(reason(try signer.sign(claims { $0.scope = .twoFactor })) == .wrongScope)
    }

    @Test func garbageIsMalformed() {
        for token in ["", "a.b", "a.b.c.d", "!!.??.**", String(repeating: "a", count: 5000)] {
            #expect(reason(token) == .malformed, "\(token.prefix(20))")
        }
    }

    @Test func secretsShorterThan32BytesAreRefused() {
        #expect(throws: AuthConfigurationError.self) { try JWTSecret("short") }
    }
}
