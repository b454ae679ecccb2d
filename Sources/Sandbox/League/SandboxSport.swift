/// A sport the sandbox simulates, with the names each upstream API gives it.
public enum SandboxSport: String, Sendable, CaseIterable, Codable {
    case nba
    case mlb

    /// The Odds API sport key (`basketball_nba`).
    public var oddsAPIKey: String {
        switch self {
        case .nba: "basketball_nba"
        case .mlb: "baseball_mlb"
        }
    }

    /// The Odds API sport group and title.
    var oddsAPIGroup: (group: String, title: String, description: String) {
        switch self {
        case .nba: ("Basketball", "NBA", "US Basketball")
        case .mlb: ("Baseball", "MLB", "Major League Baseball")
        }
    }

    /// ESPN's `{sport}/{league}` path (`basketball/nba`).
    public var espnPath: String {
        switch self {
        case .nba: "basketball/nba"
        case .mlb: "baseball/mlb"
        }
    }

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
