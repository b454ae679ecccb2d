/// A sport the sandbox simulates; the names each upstream API gives it are its served league's (`league`).
public enum SandboxSport: String, Sendable, CaseIterable, Codable {
    case nba
    case mlb
    /// The English Premier League: goals, draws, a weekly round of matches.
    case epl
    /// The NHL: goals, overtime and shootouts, the puck line.
    case nhl
    /// The NFL: a weekly season with byes, touchdowns and field goals, the point spread.
    case nfl

    /// The Odds API sport key (`basketball_nba`).
    public var oddsAPIKey: String { league.oddsAPIKey }

    /// The Odds API sport group and title.
    var oddsAPIGroup: (group: String, title: String, description: String) {
        (league.oddsAPIGroup, league.oddsAPITitle, league.oddsAPIDescription)
    }

    /// ESPN's `{sport}/{league}` path (`basketball/nba`).
    public var espnPath: String { league.espnPath }

    /// The sport for an Odds API key.
    init?(oddsAPIKey: String) {
        guard let sport = Self.allCases.first(where: { $0.oddsAPIKey == oddsAPIKey }) else { return nil }
        self = sport
    }

    /// The sport for an ESPN `{sport}/{league}` path.
    init?(espnPath: String) {
        guard let sport = Self.allCases.first(where: { $0.espnPath == espnPath }) else { return nil }
        self = sport
    }
}
