/// ESPN's site scoreboard body, as the real service spells it (`../shared/reference/api-formats/espn.json`).
enum ESPNWire {
    struct Scoreboard: Encodable {
        let leagues: [League]
        let events: [Event]
    }

    struct League: Encodable {
        let id: String
        let uid: String
        let name: String
        let abbreviation: String
        let slug: String
        let season: Season
    }

    struct Season: Encodable {
        let year: Int
        let type: Int
        let slug: String
    }

    struct Event: Encodable {
        let id: String
        let uid: String
        let date: String
        let name: String
        let shortName: String
        let season: Season
        let competitions: [Competition]
        let status: Status
    }

    struct Competition: Encodable {
        let id: String
        let uid: String
        let date: String
        let attendance: Int
        let timeValid: Bool
        let neutralSite: Bool
        let venue: Venue
        let competitors: [Competitor]
        let status: Status
        let startDate: String
    }

    struct Venue: Encodable {
        let id: String
        let fullName: String
        let address: Address
        let indoor: Bool
    }

    struct Address: Encodable {
        let city: String
        let state: String
    }

    struct Competitor: Encodable {
        let id: String
        let uid: String
        let type: String
        let order: Int
        let homeAway: String
        let winner: Bool?
        let team: Team
        let score: String
        let records: [Record]
        /// Baseball: the announced starting pitcher.
        var probables: [Probable]? = nil
    }

    struct Probable: Encodable {
        let name: String
        let displayName: String
        let shortDisplayName: String
        let abbreviation: String
        let playerId: Int
        let athlete: ProbableAthlete
        let record: String
    }

    struct ProbableAthlete: Encodable {
        let id: String
        let fullName: String
        let displayName: String
        let shortName: String
        let jersey: String
        let position: String
        let team: TeamReference
    }

    struct TeamReference: Encodable {
        let id: String
    }

    struct Team: Encodable {
        let id: String
        let uid: String
        let location: String
        let name: String
        let abbreviation: String
        let displayName: String
        let shortDisplayName: String
        let isActive: Bool
    }

    struct Record: Encodable {
        let name: String
        let abbreviation: String
        let type: String
        let summary: String
    }

    struct Status: Encodable {
        let clock: Double
        let displayClock: String
        let period: Int
        let type: StatusType
    }

    struct StatusType: Encodable {
        let id: String
        let name: String
        let state: String
        let completed: Bool
        let description: String
        let detail: String
        let shortDetail: String
    }

    struct ErrorBody: Encodable {
        let code: Int
        let message: String
    }
}

extension ESPNWire {
    /// The league injuries body: a generation `timestamp`, then one group per team (`id`, `displayName`, no
    /// nested team), as a recorded capture has it.
    struct InjuryList: Encodable {
        let timestamp: String
        let status: String
        let season: InjurySeason
        let injuries: [TeamInjuries]
    }

    struct InjurySeason: Encodable {
        let year: Int
        let type: Int
        let name: String
        let displayName: String
    }

    struct TeamInjuries: Encodable {
        let id: String
        let displayName: String
        let injuries: [Injury]
    }

    struct Injury: Encodable {
        let id: String
        let longComment: String
        let shortComment: String
        let status: String
        let date: String
        let athlete: InjuredAthlete
        let type: InjuryStatusType
        let details: InjuryDetails
    }

    struct InjuredAthlete: Encodable {
        let displayName: String
        let position: Abbreviated
        let team: Abbreviated
    }

    struct Abbreviated: Encodable {
        let abbreviation: String
    }

    struct InjuryStatusType: Encodable {
        let id: String
        let name: String
        let description: String
        let abbreviation: String
    }

    struct InjuryDetails: Encodable {
        let type: String
        let detail: String
        let side: String
        let returnDate: String
    }
}

extension ESPNWire {
    /// The game summary body: `header` (event, competitors with string scores, status), `gameInfo`,
    /// `pickcenter` (American prices) and `injuries` per team, as the real capture has them.
    struct Summary: Encodable {
        let header: SummaryHeader
        let gameInfo: GameInfo
        let pickcenter: [Pick]
        let injuries: [SummaryTeamInjuries]
        /// Once final, basketball: each team's players and their points; baseball: each team's starting pitcher's
        /// line; football, hockey and soccer: each team's statistics (absent before, and in replayed worlds).
        let boxscore: Boxscore?
    }

    /// `boxscore`: the players' statistics per team (basketball, baseball), or the teams' (football, hockey, soccer).
    struct Boxscore: Encodable {
        var teams: [BoxscoreTeam]? = nil
        var players: [BoxscoreTeamPlayers]? = nil
    }

    /// `boxscore.teams[]`: one team's statistics, away team first (`displayOrder` 1).
    struct BoxscoreTeam: Encodable {
        let team: SummaryTeam
        let statistics: [BoxscoreTeamStatistic]
        let displayOrder: Int
        let homeAway: String
    }

    /// `boxscore.teams[].statistics[]`: ESPN's stat name, its label and the value as a string.
    struct BoxscoreTeamStatistic: Encodable {
        let name: String
        let displayValue: String
        let label: String
    }

    /// `boxscore.players[]`: one team's players, with one statistics group (basketball has one).
    struct BoxscoreTeamPlayers: Encodable {
        let team: SummaryTeam
        let statistics: [BoxscoreStatistics]
    }

    /// `boxscore.players[].statistics[]`: the columns (`names`, `labels`) and each athlete's values as strings.
    struct BoxscoreStatistics: Encodable {
        /// Baseball's groups are `batting` and `pitching`; basketball's one group has no type.
        var type: String? = nil
        let names: [String]
        let keys: [String]
        let labels: [String]
        let athletes: [BoxscoreAthleteLine]
    }

    /// One athlete's row: empty `stats` and `didNotPlay` for a player who sat out.
    struct BoxscoreAthleteLine: Encodable {
        let active: Bool
        let athlete: BoxscoreAthlete
        let starter: Bool
        let didNotPlay: Bool
        let reason: String?
        let ejected: Bool
        let stats: [String]
    }

    /// `athlete`: ESPN's id (a numeric string) and name.
    struct BoxscoreAthlete: Encodable {
        let id: String
        let uid: String
        let displayName: String
        let shortName: String
    }

    struct SummaryHeader: Encodable {
        let id: String
        let uid: String
        let competitions: [SummaryCompetition]
    }

    struct SummaryCompetition: Encodable {
        let id: String
        let date: String
        let neutralSite: Bool
        let competitors: [SummaryCompetitor]
        let status: SummaryStatus
    }

    struct SummaryStatus: Encodable {
        let type: StatusType
    }

    struct SummaryCompetitor: Encodable {
        let id: String
        let homeAway: String
        let winner: Bool?
        let score: String
        let order: Int
        let team: SummaryTeam
    }

    struct SummaryTeam: Encodable {
        let id: String
        let abbreviation: String
        let displayName: String
    }

    struct GameInfo: Encodable {
        let venue: SummaryVenue
        let attendance: Int?
        let gameDuration: String?
        let officials: [Official]?
    }

    struct SummaryVenue: Encodable {
        let id: String
        let fullName: String
        let shortName: String
        let address: Address
    }

    struct Official: Encodable {
        let displayName: String
        let position: OfficialPosition
        let order: Int
    }

    struct OfficialPosition: Encodable {
        let name: String
        let displayName: String
    }

    struct Pick: Encodable {
        let provider: PickProvider
        let details: String
        let overUnder: Double
        let spread: Double
        let overOdds: Double
        let underOdds: Double
        let awayTeamOdds: PickTeamOdds
        let homeTeamOdds: PickTeamOdds
    }

    struct PickProvider: Encodable {
        let id: String
        let name: String
        let priority: Int
    }

    struct PickTeamOdds: Encodable {
        let favorite: Bool
        let underdog: Bool
        let moneyLine: Int
        let spreadOdds: Double
        let teamId: String
    }

    struct SummaryTeamInjuries: Encodable {
        let team: SummaryTeam
        let injuries: [SummaryInjury]
    }

    struct SummaryInjury: Encodable {
        let status: String
        let date: String
        let athlete: SummaryAthlete
    }

    struct SummaryAthlete: Encodable {
        let displayName: String
    }
}
