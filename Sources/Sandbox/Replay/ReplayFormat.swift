/// The layouts a replay file may have.
public enum ReplayFormat: String, Sendable, CaseIterable {
    /// The platform's games CSV: `date, sport, home, away, home_score, away_score` and optional lines.
    case games
    /// football-data.co.uk's match CSV: `Div, Date, Time, HomeTeam, AwayTeam, FTHG, FTAG` and odds columns.
    case footballData = "football-data"

    /// The games of `text`, in this layout.
    public func read(_ text: String) throws -> [ReplayRecord] {
        switch self {
        case .games: try GamesCSVReader().read(text)
        case .footballData: try FootballDataReader().read(text)
        }
    }
}
