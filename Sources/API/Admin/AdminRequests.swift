/// The body of `POST /admin/users`.
struct CreateUserRequest: Decodable, Sendable {
    var email: String
    var password: String
    var role: Role?

    /// Checks the fields as `aips user create` does: an email address, a password of 8 to 1024 bytes.
    func validate() throws {
        guard (3...254).contains(email.utf8.count), email.contains("@"), !email.hasPrefix("@"),
              !email.unicodeScalars.contains(where: { $0.value < 0x21 })
        else { throw APIError.validation("email must be an email address", field: "email") }
        guard (8...1024).contains(password.utf8.count) else {
            throw APIError.validation("password must be 8 to 1024 bytes", field: "password")
        }
    }
}

/// The body of `POST /admin/users/{id}/role`.
struct RoleChangeRequest: Decodable, Sendable {
    var role: Role
}

/// The body of `POST /admin/users/{id}/2fa/confirm`.
struct TwoFactorConfirmRequest: Decodable, Sendable {
    var code: String
}
