import Postgres
/// The outcome of a data-quality check.
public enum DataQualityStatus: String, Sendable, CaseIterable, PostgresTextEnum {
    case pass
    case warn
    case fail
}
