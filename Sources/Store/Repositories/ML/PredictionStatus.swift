import Postgres
/// Where a prediction stands.
public enum PredictionStatus: String, Sendable, CaseIterable, PostgresTextEnum {
    /// The game has not been graded yet.
    case pending
    /// Graded: `result` is set.
    case settled
    /// Void (game cancelled, line pulled).
    case void
}
