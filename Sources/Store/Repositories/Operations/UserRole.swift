import Postgres
/// What a user may do.
public enum UserRole: String, Sendable, CaseIterable, PostgresTextEnum {
    case user
    case admin
}
