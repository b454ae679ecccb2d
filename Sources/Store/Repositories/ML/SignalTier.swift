import Postgres
/// A prediction's confidence tier, A (strongest) to D.
public enum SignalTier: String, Sendable, Codable, CaseIterable, PostgresTextEnum {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
}
