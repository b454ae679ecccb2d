import Jobs
import Sandbox
import Testing

/// The platform's league alignment against the simulated world's franchises, keyed by the abbreviations the
/// sandbox serves as ESPN's: every team is found, in the same division, and the same teams share a conference.
@Suite struct LeagueStructureTests {
    @Test(arguments: [SandboxSport.nba, .mlb])
    func everySandboxFranchiseHasItsDivision(_ sport: SandboxSport) throws {
        let world = SandboxWorld(seed: 1)
        let teams = try #require(world.league(sport)?.teams)
        let structure = LeagueStructure(sport: sport == .nba ? "nba" : "mlb")
        #expect(teams.count == 30)
        for team in teams {
            let alignment = try #require(structure.alignment(abbreviation: team.abbreviation), "\(team.abbreviation)")
            #expect(alignment.division == team.division?.displayName, "\(team.abbreviation)")
        }
        for first in teams {
            for second in teams {
                let sameConference = first.division?.conference == second.division?.conference
                #expect(
                    (structure.alignment(abbreviation: first.abbreviation)?.conference
                        == structure.alignment(abbreviation: second.abbreviation)?.conference) == sameConference)
            }
        }
    }
}
