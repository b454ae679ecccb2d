import Foundation

/// A platform user. The password is stored only as a hash computed by the caller.
public struct User: Sendable, Equatable {
    /// The id; assigned by the database when `nil`.
    public var id: UUID?
    /// The email address, stored lowercased.
    public var email: String
    /// The password hash (scrypt/PBKDF2 string), never the password.
    public var passwordHash: String
    /// The role.
    public var role: UserRole
    /// The TOTP secret when 2FA is enabled.
    public var totpSecret: String?
    /// A TOTP secret whose enrolment was started but not yet confirmed with a code.
    public var totpPendingSecret: String?
    /// False when the account is disabled.
    public var isActive: Bool
    /// When the account was created; set by the database.
    public var createdAt: Date?
    /// The last successful login.
    public var lastLoginAt: Date?

    /// Creates a user.
    public init(
        id: UUID? = nil, email: String, passwordHash: String, role: UserRole = .user, totpSecret: String? = nil,
        isActive: Bool = true, createdAt: Date? = nil, lastLoginAt: Date? = nil, totpPendingSecret: String? = nil
    ) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.role = role
        self.totpSecret = totpSecret
        self.totpPendingSecret = totpPendingSecret
        self.isActive = isActive
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
    }
}
