/// What a model predicts.
public enum BetType: String, Sendable, CaseIterable, PostgresTextEnum {
    case spread
    case moneyline
    case total
    case playerProp = "player_prop"
}
