/// A league as the served endpoints name it: its code, The Odds API's key and titles, ESPN's path and ids,
/// how many periods a game has and whether a draw is a result.
public struct ServedLeague: Sendable, Hashable {
    /// The platform's code (`nba`).
    public let code: String
    /// The Odds API sport key (`basketball_nba`).
    public let oddsAPIKey: String
    /// The Odds API group (`Basketball`).
    let oddsAPIGroup: String
    /// The Odds API title (`NBA`).
    let oddsAPITitle: String
    /// The Odds API description (`US Basketball`).
    let oddsAPIDescription: String
    /// ESPN's `{sport}/{league}` path (`basketball/nba`).
    public let espnPath: String
    /// ESPN's league id (`46`).
    let espnID: String
    /// ESPN's league uid (`s:40~l:46`).
    let espnUID: String
    /// ESPN's league name.
    let espnName: String
    /// ESPN's abbreviation (`NBA`).
    let espnAbbreviation: String
    /// Regulation periods (quarters, innings, halves).
    let periods: Int
    /// How long a game lasts, start to final.
    let duration: Double
    /// True when a game can end level (soccer's three-way moneyline).
    public let hasDraw: Bool

    /// The NBA.
    public static let nba = ServedLeague(
        code: "nba", oddsAPIKey: "basketball_nba", oddsAPIGroup: "Basketball", oddsAPITitle: "NBA", oddsAPIDescription: "US Basketball",
        espnPath: "basketball/nba", espnID: "46", espnUID: "s:40~l:46", espnName: "National Basketball Association",
        espnAbbreviation: "NBA", periods: 4, duration: 2.5 * 3600, hasDraw: false)
    /// Major League Baseball.
    public static let mlb = ServedLeague(
        code: "mlb", oddsAPIKey: "baseball_mlb", oddsAPIGroup: "Baseball", oddsAPITitle: "MLB", oddsAPIDescription: "Major League Baseball",
        espnPath: "baseball/mlb", espnID: "10", espnUID: "s:1~l:10", espnName: "Major League Baseball", espnAbbreviation: "MLB",
        periods: 9, duration: 3 * 3600, hasDraw: false)
    /// The English Premier League (simulated, or replayed from football-data.co.uk files).
    public static let epl = ServedLeague(
        code: "epl", oddsAPIKey: "soccer_epl", oddsAPIGroup: "Soccer", oddsAPITitle: "EPL", oddsAPIDescription: "Premier League",
        espnPath: "soccer/eng.1", espnID: "700", espnUID: "s:600~l:700", espnName: "English Premier League",
        espnAbbreviation: "EPL", periods: 2, duration: 2 * 3600, hasDraw: true)

    /// The National Hockey League.
    public static let nhl = ServedLeague(
        code: "nhl", oddsAPIKey: "icehockey_nhl", oddsAPIGroup: "Ice Hockey", oddsAPITitle: "NHL", oddsAPIDescription: "US Ice Hockey",
        espnPath: "hockey/nhl", espnID: "90", espnUID: "s:70~l:90", espnName: "National Hockey League", espnAbbreviation: "NHL",
        periods: 3, duration: 2.5 * 3600, hasDraw: false)

    /// The National Football League.
    public static let nfl = ServedLeague(
        code: "nfl", oddsAPIKey: "americanfootball_nfl", oddsAPIGroup: "American Football", oddsAPITitle: "NFL",
        oddsAPIDescription: "US Football", espnPath: "football/nfl", espnID: "28", espnUID: "s:20~l:28",
        espnName: "National Football League", espnAbbreviation: "NFL", periods: 4, duration: 3.25 * 3600, hasDraw: false)

    /// Every league the sandbox can serve.
    public static let all: [ServedLeague] = [.nba, .mlb, .epl, .nhl, .nfl]

    /// The league with platform code `code`.
    public static func named(_ code: String) -> ServedLeague? {
        all.first { $0.code == code }
    }
}

extension SandboxSport {
    /// The league the endpoints serve for this simulated sport.
    public var league: ServedLeague {
        switch self {
        case .nba: .nba
        case .mlb: .mlb
        case .epl: .epl
        case .nhl: .nhl
        case .nfl: .nfl
        }
    }

    /// The simulated sport of `league`, if the simulator plays it.
    init?(league: ServedLeague) {
        self.init(rawValue: league.code)
    }
}
