import Postgres
/// What a failed check does (the seed's "action on failure").
public enum DataQualityAction: String, Sendable, CaseIterable, PostgresTextEnum {
    case none
    case alert
    case manualReview = "manual_review"
    case blockPredictions = "block_predictions"
}
