/// The conferences and divisions of the leagues the platform features, by the team abbreviations ESPN uses.
///
/// None of the collected sources carries divisions (ESPN's scoreboard only flags `conferenceCompetition` for
/// college games), and league alignment changes rarely, so it lives here as reference data: a realignment is
/// a new feature-set version. A team not listed (another league, a replayed world's own names) has no
/// division, and its games have no divisional features.
public struct LeagueStructure: Sendable {
    /// Where a team sits in its league.
    public struct Alignment: Sendable, Equatable {
        /// The conference (NBA) or league (MLB: `AL`, `NL`).
        public var conference: String
        /// The division, unique within the sport (`AL East`).
        public var division: String
    }

    private let alignments: [String: Alignment]

    /// The structure of `sport`'s league; empty for a sport without one here.
    public init(sport: String) {
        let table: [(conference: String, division: String, teams: [String])]
        switch sport {
        case "nba":
            table = [
                ("East", "Atlantic", ["BOS", "BKN", "NY", "NYK", "PHI", "TOR"]),
                ("East", "Central", ["CHI", "CLE", "DET", "IND", "MIL"]),
                ("East", "Southeast", ["ATL", "CHA", "MIA", "ORL", "WSH", "WAS"]),
                ("West", "Northwest", ["DEN", "MIN", "OKC", "POR", "UTAH", "UTA"]),
                ("West", "Pacific", ["GS", "GSW", "LAC", "LAL", "PHX", "PHO", "SAC"]),
                ("West", "Southwest", ["DAL", "HOU", "MEM", "NO", "NOP", "SA", "SAS"]),
            ]
        case "mlb":
            table = [
                ("AL", "AL East", ["BAL", "BOS", "NYY", "TB", "TOR"]),
                ("AL", "AL Central", ["CHW", "CWS", "CLE", "DET", "KC", "MIN"]),
                ("AL", "AL West", ["ATH", "OAK", "HOU", "LAA", "SEA", "TEX"]),
                ("NL", "NL East", ["ATL", "MIA", "NYM", "PHI", "WSH", "WAS"]),
                ("NL", "NL Central", ["CHC", "CIN", "MIL", "PIT", "STL"]),
                ("NL", "NL West", ["ARI", "AZ", "COL", "LAD", "SD", "SF"]),
            ]
        case "nhl":
            table = [
                ("Eastern", "Atlantic", ["BOS", "BUF", "DET", "FLA", "MTL", "OTT", "TB", "TOR"]),
                ("Eastern", "Metropolitan", ["CAR", "CBJ", "NJ", "NYI", "NYR", "PHI", "PIT", "WSH"]),
                ("Western", "Central", ["CHI", "COL", "DAL", "MIN", "NSH", "STL", "UTAH", "WPG"]),
                ("Western", "Pacific", ["ANA", "CGY", "EDM", "LA", "SJ", "SEA", "VAN", "VGK"]),
            ]
        case "nfl":
            table = [
                ("AFC", "AFC East", ["BUF", "MIA", "NE", "NYJ"]),
                ("AFC", "AFC North", ["BAL", "CIN", "CLE", "PIT"]),
                ("AFC", "AFC South", ["HOU", "IND", "JAX", "TEN"]),
                ("AFC", "AFC West", ["DEN", "KC", "LV", "LAC"]),
                ("NFC", "NFC East", ["DAL", "NYG", "PHI", "WSH", "WAS"]),
                ("NFC", "NFC North", ["CHI", "DET", "GB", "MIN"]),
                ("NFC", "NFC South", ["ATL", "CAR", "NO", "TB"]),
                ("NFC", "NFC West", ["ARI", "LAR", "SF", "SEA"]),
            ]
        default:
            table = []
        }
        var alignments: [String: Alignment] = [:]
        for row in table {
            for team in row.teams { alignments[team] = Alignment(conference: row.conference, division: row.division) }
        }
        self.alignments = alignments
    }

    /// The alignment of the team with ESPN abbreviation `abbreviation` (case-insensitive), if in the league.
    public func alignment(abbreviation: String?) -> Alignment? {
        abbreviation.flatMap { alignments[$0.uppercased()] }
    }
}
