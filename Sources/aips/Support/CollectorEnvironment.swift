import Foundation
import Jobs
import Logging

/// The collectors' configuration, read from the environment in this one place.
///
/// - `AIPS_SANDBOX_URL`: point The Odds API, ESPN, Open-Meteo and Savant at an `aips sandbox` (key `sandbox`
///   unless `ODDS_API_KEY` says otherwise).
/// - `ODDS_API_KEY`, `ODDS_API_URL`, `ODDS_API_REGIONS`, `ODDS_API_FORMAT` (american|decimal).
/// - `ESPN_URL`, `OPEN_METEO_URL`, `OPEN_METEO_ARCHIVE_URL` (the historical API, for backfills),
///   `OPEN_METEO_API_KEY`, `SAVANT_URL`.
/// - `WEATHER_PROVIDER`: where forecasts come from, `open-meteo` (default) or `openweathermap`, with
///   `OPENWEATHERMAP_API_KEY` (`sandbox` under `AIPS_SANDBOX_URL`) and `OPENWEATHERMAP_URL`. Backfills read
///   Open-Meteo's archive either way.
/// - `ESPN_BACKFILL_STARTER_LEAD_HOURS`: how long before the start a backfilled game's starters count as announced
///   (default 24; `aips dev` sets its sandbox's lead).
/// - `AIPS_SPORTS`: the sports a scheduled `{}` job collects (default `nba,mlb,epl,nhl,nfl`).
/// - `AIPS_VENUES_FILE`: venue coordinates, JSON (`aips sandbox --write-venues` writes one).
/// - `AIPS_UNCOLLECTED_SOURCES`: sources this deployment does not collect (comma-separated: statcast, weather,
///   boxScores), whose features then do not count against completeness (`aips dev --replay` sets it).
enum CollectorEnvironment {
    static func configuration(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "aips.collectors")
    ) -> CollectorConfiguration {
        let sandbox = environment["AIPS_SANDBOX_URL"]
        var venues = VenueCatalog([])
        if let path = environment["AIPS_VENUES_FILE"] {
            do {
                venues = try VenueCatalog(json: Data(contentsOf: URL(fileURLWithPath: path)))
                logger.info("venue catalog loaded", metadata: ["file": "\(path)", "venues": "\(venues.count)"])
            } catch {
                logger.error(
                    "cannot read the venue catalog; weather will skip every game", metadata: ["file": "\(path)", "error": "\(error)"])
            }
        } else {
            logger.warning("AIPS_VENUES_FILE is not set; weather collection has no venue coordinates")
        }
        var weatherProvider = WeatherProvider.openMeteo
        switch environment["WEATHER_PROVIDER"]?.lowercased() {
        case nil, "", "open-meteo", "openmeteo": break
        case "openweathermap":
            let key = environment["OPENWEATHERMAP_API_KEY"] ?? (sandbox == nil ? "" : "sandbox")
            if key.isEmpty { logger.error("WEATHER_PROVIDER=openweathermap without OPENWEATHERMAP_API_KEY; weather jobs will fail") }
            weatherProvider = .openWeatherMap(
                OpenWeatherMapConfiguration(
                    baseURL: environment["OPENWEATHERMAP_URL"] ?? sandbox ?? "https://api.openweathermap.org", apiKey: key))
        case let other?:
            logger.error("unknown WEATHER_PROVIDER; using Open-Meteo", metadata: ["value": "\(other.prefix(40))"])
        }
        var uncollected: Set<BackfillSource> = []
        for name in (environment["AIPS_UNCOLLECTED_SOURCES"] ?? "").split(separator: ",") {
            guard let source = BackfillSource(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                logger.error("unknown source in AIPS_UNCOLLECTED_SOURCES; ignored", metadata: ["value": "\(name.prefix(40))"])
                continue
            }
            uncollected.insert(source)
        }
        var configuration = CollectorConfiguration(
            oddsAPI: oddsAPI(environment),
            espn: ESPNConfiguration(
                baseURL: environment["ESPN_URL"] ?? sandbox ?? "https://site.api.espn.com",
                backfillStarterLead: (environment["ESPN_BACKFILL_STARTER_LEAD_HOURS"].flatMap(Double.init).flatMap { $0 > 0 && $0 <= 240 ? $0 : nil } ?? 24) * 3_600),
            openMeteo: OpenMeteoConfiguration(
                baseURL: environment["OPEN_METEO_URL"] ?? sandbox ?? "https://api.open-meteo.com",
                archiveBaseURL: environment["OPEN_METEO_ARCHIVE_URL"] ?? sandbox ?? "https://archive-api.open-meteo.com",
                apiKey: environment["OPEN_METEO_API_KEY"]),
            weatherProvider: weatherProvider,
            savant: SavantConfiguration(baseURL: environment["SAVANT_URL"] ?? sandbox ?? "https://baseballsavant.mlb.com"),
            venues: venues,
            sports: sports(environment))
        configuration.uncollected = uncollected
        return configuration
    }

    /// The Odds API as `ODDS_API_*` (or `AIPS_SANDBOX_URL`) configure it.
    static func oddsAPI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> OddsAPIConfiguration {
        let sandbox = environment["AIPS_SANDBOX_URL"]
        return OddsAPIConfiguration(
            baseURL: environment["ODDS_API_URL"] ?? sandbox ?? "https://api.the-odds-api.com",
            apiKey: environment["ODDS_API_KEY"] ?? (sandbox == nil ? "" : "sandbox"),
            regions: environment["ODDS_API_REGIONS"].map { $0.split(separator: ",").map(String.init) } ?? ["us"],
            oddsFormat: environment["ODDS_API_FORMAT"].flatMap(OddsFormat.init(rawValue:)) ?? .american)
    }

    /// The sports `AIPS_SPORTS` names (default every collected one), read without the rest of the configuration and
    /// its warnings.
    static func sports(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        environment["AIPS_SPORTS"].map { $0.split(separator: ",").map(String.init) } ?? ["nba", "mlb", "epl", "nhl", "nfl"]
    }
}
