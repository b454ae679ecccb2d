/// The teams of one simulated sport: the real franchises and venues, with latent strengths the world draws.
public struct SandboxLeague: Sendable {
    /// The sport.
    public let sport: SandboxSport
    /// The teams, in a fixed order (their index is their identity inside the world).
    public let teams: [SandboxTeam]

    /// The league of `sport`.
    public init(sport: SandboxSport) {
        self.sport = sport
        let table: String
        switch sport {
        case .nba: table = Self.nbaTable
        case .mlb: table = Self.mlbTable
        case .epl: table = Self.eplTable
        case .nhl: table = Self.nhlTable
        case .nfl: table = Self.nflTable
        }
        teams = Self.parse(table)
    }

    /// True when the teams at `first` and `second` play in the same division.
    func areDivisionRivals(_ first: Int, _ second: Int) -> Bool {
        teams[first].division != nil && teams[first].division == teams[second].division
    }

    /// Parses `abbr|location|nickname|espn name|odds name|venue|city|state|lat|lon|tz|indoor|conference|division`
    /// lines; a league without divisions leaves the last two fields empty.
    private static func parse(_ table: String) -> [SandboxTeam] {
        table.split(separator: "\n").enumerated().map { index, line in
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let fullName = f[1] + " " + f[2]
            return SandboxTeam(
                espnID: String(index + 1), abbreviation: f[0], location: f[1], nickname: f[2],
                espnName: f[3].isEmpty ? fullName : f[3], oddsAPIName: f[4].isEmpty ? fullName : f[4],
                venue: SandboxVenue(
                    name: f[5], city: f[6], state: f[7], latitude: Double(f[8])!, longitude: Double(f[9])!,
                    timeZone: f[10], isIndoor: f[11] == "indoor"),
                division: f[13].isEmpty ? nil : SandboxDivision(conference: f[12], name: f[13]))
        }
    }
}
