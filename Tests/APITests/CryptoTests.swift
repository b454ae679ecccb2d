import API
import Essentials
import Foundation
import Testing

/// TOTP, base32 and password hashing against published test vectors.
struct CryptoTests {
    @Test func totpMatchesRFC6238AtTheEpochVectors() throws {
        // RFC 6238 appendix B: SHA-1 secret "12345678901234567890"; the 6-digit codes are the last six digits.
        let totp = try #require(TOTP(base32Secret: Base32.encode(Array("12345678901234567890".utf8))))
        #expect(totp.code(step: totp.step(at: Date(timeIntervalSince1970: 59))) == "287082")
        #expect(totp.code(step: totp.step(at: Date(timeIntervalSince1970: 1_111_111_109))) == "081804")
        #expect(totp.code(step: totp.step(at: Date(timeIntervalSince1970: 2_000_000_000))) == "279037")
    }

    @Test func totpAcceptsOneStepOfDriftAndNoMore() throws {
        let totp = try #require(TOTP(base32Secret: try TOTP.makeSecret()))
        let now = Date()
        let step = totp.step(at: now)
        #expect(totp.matchingStep(for: totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(for: totp.code(step: step + 2), at: now) == nil || totp.code(step: step + 2) == totp.code(step: step))
        #expect(totp.matchingStep(for: "12345", at: now) == nil)
        #expect(totp.matchingStep(for: "abcdef", at: now) == nil)
    }

    @Test func base32AndBase64URLRoundTrip() throws {
        let bytes = try SecureRandom.bytes(37)
        #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        #expect(Base64URL.decode("a+b/") == nil)
    }

    @Test func passwordHashesVerifyOnlyTheRightPassword() async throws {
        let hasher = PasswordHasher(cost: 1 << 10)
        let stored = try await hasher.hash("s3cret password")
        #expect(stored.hasPrefix("scrypt$1024$8$1$"))
        #expect(try await hasher.verify("s3cret password", against: stored))
        #expect(try await !hasher.verify("s3cret passwore", against: stored))
        #expect(try await !hasher.verify("s3cret password", against: "plaintext"))
        #expect(try await hasher.hash("same") != hasher.hash("same"), "salts differ")
    }
}
