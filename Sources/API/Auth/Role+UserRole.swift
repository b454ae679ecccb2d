import Store

extension Role {
    /// The API role of a stored user's role.
    init(_ role: UserRole) {
        switch role {
        case .user: self = .user
        case .admin: self = .admin
        }
    }

    /// The stored role of an API role.
    var userRole: UserRole {
        switch self {
        case .user: .user
        case .admin: .admin
        }
    }
}
