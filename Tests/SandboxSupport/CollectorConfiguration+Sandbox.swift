import Jobs
import Sandbox
import Store

extension CollectorConfiguration {
    /// Collectors pointed at a running sandbox, on its clock, with its teams' venues.
    public static func sandbox(
        _ sandbox: RunningSandbox, sports: [String] = ["nba", "mlb"], apiKey: String = "sandbox", oddsFormat: OddsFormat = .american
    ) -> CollectorConfiguration {
        let venues = SandboxSport.allCases.flatMap { sandbox.world.league($0)?.teams ?? [] }.map { team in
            Venue(
                name: team.venue.name, city: team.venue.city, latitude: team.venue.latitude, longitude: team.venue.longitude,
                timeZone: team.venue.timeZone, isIndoor: team.venue.isIndoor)
        }
        let clock = sandbox.clock
        return CollectorConfiguration(
            oddsAPI: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: apiKey, oddsFormat: oddsFormat),
            // The sandbox announces starters a fixed time ahead: a backfill reads them as seen then, as live collection would.
            espn: ESPNConfiguration(baseURL: sandbox.baseURL, backfillStarterLead: sandbox.world.probablesAnnouncedBeforeStart),
            openMeteo: OpenMeteoConfiguration(baseURL: sandbox.baseURL, archiveBaseURL: sandbox.baseURL),
            venues: VenueCatalog(venues), sports: sports, now: { clock.now })
    }
}
