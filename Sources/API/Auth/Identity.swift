import Essentials
import HTTPTypes
/// Who is calling, from a verified access token.
public struct Identity: Sendable, Equatable {
    /// The user's id (the token's `sub`).
    public var userID: String
    /// The role the token was issued with.
    public var role: Role
    /// The session the token belongs to.
    public var sessionID: String

    /// 403 `FORBIDDEN` unless the caller is an admin.
    func requireAdmin() throws {
        guard role == .admin else {
            throw APIError(.forbidden, code: "FORBIDDEN", "this endpoint needs the admin role", details: ["required_role": .string("admin")])
        }
    }
}
