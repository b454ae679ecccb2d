/// The body of `POST /auth/login`.
struct LoginRequest: Decodable, Sendable {
    var email: String
    var password: String
}

/// The body of `POST /auth/2fa/verify`: the code of the authenticator app, or one of the recovery codes.
struct TwoFactorRequest: Decodable, Sendable {
    var twoFactorToken: String
    var code: String?
    var recoveryCode: String?
}

/// The body of `POST /auth/password`: the password the user has now, and the one to change it to.
struct PasswordChangeRequest: Decodable, Sendable {
    var currentPassword: String
    var newPassword: String

    /// A current password of the length a login takes, a new one `PasswordRule` admits.
    func validate() throws {
        guard (1...1024).contains(currentPassword.utf8.count) else {
            throw APIError.validation("current_password must be 1 to 1024 bytes", field: "current_password")
        }
        guard PasswordRule.admits(newPassword) else {
            throw APIError.validation("new_password \(PasswordRule.requirement)", field: "new_password")
        }
    }
}

/// The body of `POST /auth/refresh`.
struct RefreshRequest: Decodable, Sendable {
    var refreshToken: String
}

/// What `POST /auth/login` answers when the account has 2FA: no tokens yet, a two-factor token to present with the code.
struct TwoFactorChallenge: Encodable, Sendable {
    var twoFactorRequired = true
    var twoFactorToken: String
    var expiresIn: Int64
}

/// What `POST /auth/logout` answers.
struct LogoutResult: Encodable, Sendable {
    var loggedOut = true
}

/// The body of `POST /auth/2fa/confirm`, `/auth/2fa/recovery-codes` and `/admin/users/{id}/2fa/confirm`: a code of the
/// authenticator app.
struct TwoFactorCodeRequest: Decodable, Sendable {
    var code: String
}

/// The body of `POST /auth/2fa/enrol`: the password, so a stolen session cannot tie the account to the thief's app.
struct TwoFactorEnrolRequest: Decodable, Sendable {
    var currentPassword: String
}

/// The body of `POST /auth/2fa/disable`: the password and a code of the app, or one of the recovery codes.
struct TwoFactorDisableRequest: Decodable, Sendable {
    var currentPassword: String
    var code: String?
    var recoveryCode: String?
}
