import Foundation

/// The body of `POST /admin/users`.
struct CreateUserRequest: Decodable, Sendable {
    var email: String
    var password: String
    var role: Role?

    /// Checks the fields: an email address of printable ASCII (so the store's lowercase form is the same
    /// everywhere), a password `PasswordRule` admits.
    func validate() throws {
        guard (3...254).contains(email.utf8.count), email.contains("@"), !email.hasPrefix("@"),
              email.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else { throw APIError.validation("email must be an email address (printable ASCII)", field: "email") }
        guard PasswordRule.admits(password) else { throw APIError.validation("password \(PasswordRule.requirement)", field: "password") }
    }
}

/// The body of `POST /admin/users/{id}/password`: the user's new password.
struct PasswordSetRequest: Decodable, Sendable {
    var password: String

    /// A password `PasswordRule` admits.
    func validate() throws {
        guard PasswordRule.admits(password) else { throw APIError.validation("password \(PasswordRule.requirement)", field: "password") }
    }
}

/// The body of `POST /admin/users/{id}/role`.
struct RoleChangeRequest: Decodable, Sendable {
    var role: Role
}

/// The body of `POST /admin/promotions/{id}/reject` and `POST /admin/models/{id}/rollback`: why.
struct ReasonRequest: Decodable, Sendable {
    var reason: String

    /// A reason of 1 to 1000 characters that is not only spaces: it is the model's logged event.
    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, reason.count <= 1_000 else {
            throw APIError.validation("reason must be 1 to 1000 characters, not only spaces", field: "reason")
        }
    }
}
