extension ESPNEndpoints {
    /// A final football, hockey or soccer game's box score as ESPN's summary has it: `boxscore.teams`, away team first,
    /// each with its statistics (`name`, `displayValue`, `label`).
    static func teamBoxscore(_ statistics: (home: [TeamStatistic], away: [TeamStatistic]), game: SimulatedGame) -> ESPNWire.Boxscore {
        func team(_ team: SandboxTeam, _ statistics: [TeamStatistic], home: Bool) -> ESPNWire.BoxscoreTeam {
            ESPNWire.BoxscoreTeam(
                team: ESPNWire.SummaryTeam(id: team.espnID, abbreviation: team.abbreviation, displayName: team.espnName),
                statistics: statistics.map { ESPNWire.BoxscoreTeamStatistic(name: $0.name, displayValue: $0.displayValue, label: $0.label) },
                displayOrder: home ? 2 : 1, homeAway: home ? "home" : "away")
        }
        return ESPNWire.Boxscore(teams: [team(game.away, statistics.away, home: false), team(game.home, statistics.home, home: true)])
    }
}
