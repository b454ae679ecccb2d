import Foundation
import Logging
import Store

/// `collect.weather`: a forecast at each outdoor venue → raw (hashed, once) → validate → `weather` at each
/// game's start hour, in metric units. Upcoming games get the configured provider's forecast (Open-Meteo or
/// OpenWeatherMap); a past range of days (a backfill) gets Open-Meteo's archive, stamped as a forecast would
/// have been (see `archiveLead`).
public struct WeatherCollector: Sendable {
    /// How long before a game's start an archive value counts as observed.
    ///
    /// An archive value is a reanalysis published days after the game. Stamped with its fetch time it would
    /// be invisible to every feature of the game it describes; stamped at the start it would be visible only
    /// after the first pitch. It is stamped as the forecast a live collector would have stored a few hours
    /// before the start — the lead at which an hourly forecast of the start hour is close to what happened.
    /// Features asked for at the default lead (60 minutes) see it; features asked for earlier than three hours
    /// before the start get no weather for backfilled games, as nothing was collected then.
    public static let archiveLead: TimeInterval = 3 * 3600

    private let forecasts: any WeatherForecastClient
    private let archive: OpenMeteoClient
    private let store: Store
    private let now: @Sendable () -> Date

    /// A collector taking forecasts from `forecasts` and past weather from `archive`, writing to `store`.
    public init(forecasts: any WeatherForecastClient, archive: OpenMeteoClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.forecasts = forecasts
        self.archive = archive
        self.store = store
        self.now = now
    }

    /// A collector taking forecasts and past weather from Open-Meteo.
    public init(client: OpenMeteoClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.init(forecasts: client, archive: client, store: store, now: now)
    }

    /// A collector taking forecasts from the provider `configuration` names and past weather from Open-Meteo,
    /// on its clock.
    public init(configuration: CollectorConfiguration, store: Store, upstream: UpstreamClient) {
        let archive = OpenMeteoClient(configuration: configuration.openMeteo, upstream: upstream)
        let forecasts: any WeatherForecastClient
        switch configuration.weatherProvider {
        case .openMeteo: forecasts = archive
        case .openWeatherMap(let openWeatherMap): forecasts = OpenWeatherMapClient(configuration: openWeatherMap, upstream: upstream)
        }
        self.init(forecasts: forecasts, archive: archive, store: store, now: configuration.now)
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectWeather, jobID: String, logger: Logger) async throws -> WeatherCollection {
        let sport = try CollectedSport.required(parameters.sport, source: OpenMeteoClient.source)
        let start = now()
        let range = parameters.archiveRange
        let isBackfill = parameters.isBackfill ?? false
        let games: [Game]
        if let range {
            guard range.upperBound <= start else {
                throw CollectorError(
                    .requestRejected, source: OpenMeteoClient.archiveSource, endpoint: "",
                    message: "the archive covers past days only; \(parameters.to ?? "") is not over yet")
            }
            games = try await store.games.games(sport: sport.code, from: range.lowerBound, to: range.upperBound)
                .filter { $0.status != .postponed && $0.status != .cancelled }
        } else {
            games = try await store.games.games(
                sport: sport.code, from: start, to: start.addingTimeInterval(Double(parameters.hoursAhead ?? 48) * 3600)
            ).filter { $0.status == .scheduled }
        }
        var byVenue: [String: (venue: Venue, games: [Game])] = [:]
        var teams: [Int: Team] = [:]
        var skipped = 0
        for game in games {
            if teams[game.homeTeamID] == nil { teams[game.homeTeamID] = try await store.teams.find(id: game.homeTeamID) }
            guard !game.isNeutralSite, let venue = teams[game.homeTeamID]?.venue, !venue.isIndoor else {
                skipped += 1
                continue
            }
            byVenue["\(venue.latitude),\(venue.longitude)", default: (venue, [])].games.append(game)
        }
        var fetched: [(UpstreamResponse, HourlyWeather, [Game])] = []
        for (_, entry) in byVenue.sorted(by: { $0.key < $1.key }) {
            let starts = entry.games.map(\.scheduledAt)
            let (latitude, longitude) = (entry.venue.latitude, entry.venue.longitude)
            let response: UpstreamResponse
            if range == nil {
                response = try await forecasts.forecast(
                    latitude: latitude, longitude: longitude, covering: starts.min()!...starts.max()!, now: now())
            } else {
                response = try await archive.archive(
                    latitude: latitude, longitude: longitude, from: UpstreamTime.isoDay(starts.min()!),
                    to: UpstreamTime.isoDay(starts.max()!),
                    now: now())
            }
            let weather = try await RawIngestion.reading(response, isBackfill: isBackfill, jobID: jobID, in: store, logger: logger) {
                range == nil ? try forecasts.weather(from: response) : try archive.weather(from: response)
            }
            fetched.append((response, weather, entry.games))
        }
        let read = WeatherCollection(applied: true, games: games.count, skippedGames: skipped, forecasts: fetched.count, observationsWritten: 0)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            for (response, hourly, venueGames) in fetched {
                guard try await RawIngestion.store(response, isBackfill: isBackfill, jobID: jobID, in: tx) else { continue }
                for game in venueGames {
                    let observedAt = range == nil ? response.fetchedAt : game.scheduledAt.addingTimeInterval(-Self.archiveLead)
                    guard let observation = hourly.observation(for: game, source: response.source, observedAt: observedAt) else { continue }
                    try await tx.weather.record(observation)
                    result.observationsWritten += 1
                }
            }
            return result
        }
        return outcome.collection(read: read)
    }
}
