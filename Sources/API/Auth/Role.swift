/// What a caller may do: users read predictions; admins also submit and read jobs.
public enum Role: String, Sendable, Codable, CaseIterable {
    case user
    case admin
}
