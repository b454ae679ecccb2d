import Postgres
/// A registered model's role.
public enum ModelStatus: String, Sendable, CaseIterable, PostgresTextEnum {
    /// Serving predictions; at most one per sport and bet type.
    case champion
    /// Trained and evaluated, not promoted: it failed a threshold, did not beat the champion, or was rejected.
    case challenger
    /// Passed every threshold and awaits review (a pending `PromotionRequest`); meanwhile it forecasts the champion's
    /// games in shadow, unpublished. At most one per sport and bet type.
    case shadow
    /// No longer used.
    case retired
}
