/// How a settled prediction did.
public enum PredictionResult: String, Sendable, CaseIterable, PostgresTextEnum {
    case win
    case loss
    case push
}
