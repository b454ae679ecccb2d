import Foundation

/// Everything the collectors need, as values: upstream endpoints and keys, venues, team aliases, the clock.
public struct CollectorConfiguration: Sendable {
    /// The Odds API.
    public var oddsAPI: OddsAPIConfiguration
    /// ESPN.
    public var espn: ESPNConfiguration
    /// Open-Meteo (forecasts by default; the archive for backfills always).
    public var openMeteo: OpenMeteoConfiguration
    /// Where `collect.weather` takes forecasts from.
    public var weatherProvider: WeatherProvider
    /// Baseball Savant.
    public var savant: SavantConfiguration
    /// Venue coordinates for weather.
    public var venues: VenueCatalog
    /// Team-name aliases across sources.
    public var teamNames: TeamNameNormalizer
    /// The sports a job that names none collects.
    public var sports: [String]
    /// The sources this deployment does not collect at all (a replayed file has scores and prices only): the features
    /// only they give do not count against a game's completeness, so their absence does not block predictions.
    public var uncollected: Set<BackfillSource> = []
    /// The current time (the sandbox's world clock when it runs faster than real time).
    public var now: @Sendable () -> Date
    /// The limits `quality.check` holds the data to (the seed's by default).
    public var qualityThresholds = QualityThresholds()

    /// A configuration; defaults: Open-Meteo forecasts, the standard aliases, NBA and MLB, the system clock.
    public init(
        oddsAPI: OddsAPIConfiguration, espn: ESPNConfiguration = ESPNConfiguration(),
        openMeteo: OpenMeteoConfiguration = OpenMeteoConfiguration(), weatherProvider: WeatherProvider = .openMeteo,
        savant: SavantConfiguration = SavantConfiguration(),
        venues: VenueCatalog = VenueCatalog([]),
        teamNames: TeamNameNormalizer = .standard, sports: [String] = ["nba", "mlb"], now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.oddsAPI = oddsAPI
        self.espn = espn
        self.openMeteo = openMeteo
        self.weatherProvider = weatherProvider
        self.savant = savant
        self.venues = venues
        self.teamNames = teamNames
        self.sports = sports
        self.now = now
    }
}
