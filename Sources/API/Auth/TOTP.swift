import Essentials
import Foundation

/// Time-based one-time passwords (RFC 6238): HMAC-SHA1 over 30-second steps, 6 digits.
public struct TOTP: Sendable {
    /// The shared secret.
    private let secret: [UInt8]
    /// Seconds per step.
    public var period: Int64 = 30
    /// Digits per code.
    public var digits: Int = 6

    /// A generator for a base32 secret (as authenticator apps show it); `nil` if it does not decode.
    public init?(base32Secret: String) {
        guard let secret = Base32.decode(base32Secret), secret.count >= 10 else { return nil }
        self.secret = secret
    }

    /// A new random base32 secret of 160 bits, as RFC 4226 recommends.
    public static func makeSecret() throws -> String {
        Base32.encode(try SecureRandom.bytes(20))
    }

    /// The time step that `date` falls in.
    public func step(at date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970) / period
    }

    /// The code for step `step`.
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = HMAC.authenticate(message, key: secret, digest: .sha1)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The step whose code is `code`, looking one step either side of `date` for clock drift.
    public func matchingStep(for code: String, at date: Date) -> Int64? {
        guard code.utf8.count == digits, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let current = step(at: date)
        var matched: Int64?
        // Every candidate is compared, in constant time, so timing does not reveal which one matched.
        for candidate in (current - 1)...(current + 1)
        where HMAC.constantTimeEquals(Array(self.code(step: candidate).utf8), Array(code.utf8)) {
            matched = candidate
        }
        return matched
    }
}
