import Essentials
/// The HS256 signing key, at least 32 bytes (the size of the HMAC-SHA256 output).
public struct JWTSecret: Sendable {
    /// The key bytes.
    let bytes: [UInt8]

    /// The shortest secret accepted: RFC 7518 §3.2 asks for a key as long as the hash output.
    public static let minimumLength = 32

    /// A secret from its bytes; shorter than `minimumLength` throws.
    public init(bytes: [UInt8]) throws(AuthConfigurationError) {
        guard bytes.count >= Self.minimumLength else { throw .secretTooShort(bytes.count) }
        self.bytes = bytes
    }

    /// A secret from text (its UTF-8 bytes); shorter than `minimumLength` throws.
    public init(_ text: String) throws(AuthConfigurationError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// A fresh random secret, for development servers only: its tokens die with the process.
    public static func random() throws -> JWTSecret {
        try JWTSecret(bytes: try SecureRandom.bytes(48))
    }
}

/// Why the authentication settings were refused.
public enum AuthConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The JWT secret is shorter than `JWTSecret.minimumLength` bytes.
    case secretTooShort(Int)

    public var description: String {
        switch self {
        case .secretTooShort(let length):
            "the JWT secret is \(length) bytes; at least \(JWTSecret.minimumLength) are required"
        }
    }
}
