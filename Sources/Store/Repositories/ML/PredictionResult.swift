import Postgres
/// How a settled prediction did.
public enum PredictionResult: String, Sendable, Codable, CaseIterable, PostgresTextEnum {
    case win
    case loss
    case push
}
