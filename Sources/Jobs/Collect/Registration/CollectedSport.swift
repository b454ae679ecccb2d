/// A sport the collectors know, with its code in the platform and its name at each upstream.
public struct CollectedSport: Sendable, Equatable {
    /// The platform's sport code (`nba`), stored on teams, games and odds.
    public let code: String
    /// The Odds API sport key (`basketball_nba`).
    public let oddsAPIKey: String
    /// ESPN's `{sport}/{league}` path (`basketball/nba`).
    public let espnPath: String
    /// True when a game can end level and the moneyline is three-way (soccer's 1X2: home, draw, away).
    public let hasDraw: Bool
    /// The latest UTC hour before the day's first games, for a sport that plays before a backfill's default snapshot
    /// (noon Eastern): the Premier League kicks off from 11:30 UTC. `nil`: its games start later.
    public let firstGamesHourUTC: Int?

    /// A sport with its upstream names; `hasDraw` for a three-way moneyline, `firstGamesHourUTC` for a sport whose
    /// games start in the European morning.
    public init(code: String, oddsAPIKey: String, espnPath: String, hasDraw: Bool = false, firstGamesHourUTC: Int? = nil) {
        self.code = code
        self.oddsAPIKey = oddsAPIKey
        self.espnPath = espnPath
        self.hasDraw = hasDraw
        self.firstGamesHourUTC = firstGamesHourUTC
    }

    /// The sports the collectors know.
    public static let all: [CollectedSport] = [
        CollectedSport(code: "nba", oddsAPIKey: "basketball_nba", espnPath: "basketball/nba"),
        CollectedSport(code: "mlb", oddsAPIKey: "baseball_mlb", espnPath: "baseball/mlb"),
        CollectedSport(code: "nfl", oddsAPIKey: "americanfootball_nfl", espnPath: "football/nfl"),
        CollectedSport(code: "nhl", oddsAPIKey: "icehockey_nhl", espnPath: "hockey/nhl"),
        // Soccer's moneyline is three-way: its draw is stored as the outcome `draw`.
        CollectedSport(code: "epl", oddsAPIKey: "soccer_epl", espnPath: "soccer/eng.1", hasDraw: true, firstGamesHourUTC: 10),
    ]

    /// The codes of the sports whose moneyline is three-way.
    public static var threeWayCodes: Set<String> { Set(all.filter(\.hasDraw).map(\.code)) }

    /// The sport with platform code `code`.
    public static func named(_ code: String) -> CollectedSport? {
        all.first { $0.code == code }
    }

    /// True when `code` names a sport whose moneyline is three-way.
    public static func hasDraw(_ code: String) -> Bool {
        named(code)?.hasDraw ?? false
    }

    /// The sport a job names; a job naming none or an unknown one is rejected as a request `source` cannot serve.
    static func required(_ code: String?, source: String) throws -> CollectedSport {
        guard let sport = code.flatMap(named) else {
            throw CollectorError(.requestRejected, source: source, endpoint: "", message: "unknown sport \(code ?? "(none)")")
        }
        return sport
    }
}
