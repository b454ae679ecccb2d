import Postgres
/// What a model predicts.
public enum BetType: String, Sendable, Codable, CaseIterable, PostgresTextEnum {
    case spread
    case moneyline
    case total
    case playerProp = "player_prop"
}
