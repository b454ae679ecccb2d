import Postgres
/// When a forecast was published: when its game's market opened, or on game day.
public enum PredictionPublication: String, Sendable, Codable, CaseIterable, PostgresTextEnum {
    /// The first prediction run that saw prices for the game.
    case open
    /// The configured hour (US Eastern) on the game's day.
    case gameDay = "game_day"
}
