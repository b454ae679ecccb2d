/// What a password must be wherever one is set: when an account is made (`POST /admin/users`, `aips user create`) and
/// when it is changed (`POST /auth/password`, `POST /admin/users/{id}/password`, `aips user set-password`).
///
/// 8 to 1024 bytes of UTF-8: scrypt reads every byte, so the cap bounds the work one request can ask of the server.
public enum PasswordRule {
    /// The allowed length in UTF-8 bytes.
    public static let bytes = 8...1024

    /// Why a refused password was refused, to follow its field's name (`password must be …`).
    public static let requirement = "must be 8 to 1024 bytes"

    /// Whether `password` may be set.
    public static func admits(_ password: String) -> Bool {
        bytes.contains(password.utf8.count)
    }
}
