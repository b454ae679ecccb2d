import Postgres
/// A registered model's role.
public enum ModelStatus: String, Sendable, CaseIterable, PostgresTextEnum {
    /// Serving predictions; at most one per sport and bet type.
    case champion
    /// Trained and evaluated, shadowing the champion.
    case challenger
    /// No longer used.
    case retired
}
