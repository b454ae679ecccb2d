import Foundation
import Store

/// A user as admins see it: never the password hash or a TOTP secret, only whether two-factor login is on.
struct UserView: Encodable, Sendable {
    var id: String
    var email: String
    var role: String
    var isActive: Bool
    /// Two-factor login is on (a confirmed TOTP secret).
    var twoFactorEnabled: Bool
    /// An enrolment was started and awaits its first code.
    var twoFactorPending: Bool
    var createdAt: Date?
    var lastLoginAt: Date?

    init(_ user: User) {
        id = user.id.map { AuthRoutes.userID($0) } ?? ""
        email = user.email
        role = user.role.rawValue
        isActive = user.isActive
        twoFactorEnabled = user.totpSecret != nil
        twoFactorPending = user.totpPendingSecret != nil
        createdAt = user.createdAt
        lastLoginAt = user.lastLoginAt
    }
}
