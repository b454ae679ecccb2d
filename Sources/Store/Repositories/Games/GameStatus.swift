import Postgres
/// Where a game stands.
public enum GameStatus: String, Sendable, CaseIterable, PostgresTextEnum {
    case scheduled
    case inProgress = "in_progress"
    case final
    case postponed
    case cancelled
}
