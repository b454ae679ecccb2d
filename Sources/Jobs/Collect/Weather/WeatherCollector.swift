import Foundation
import Logging
import Store

/// `collect.weather`: Open-Meteo at each outdoor venue → raw (hashed, once) → validate → `weather` at each
/// game's start hour, in metric units.
public struct WeatherCollector: Sendable {
    private let client: OpenMeteoClient
    private let store: Store
    private let now: @Sendable () -> Date

    /// A collector writing to `store`.
    public init(client: OpenMeteoClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.now = now
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectWeather, jobID: String, logger: Logger) async throws -> WeatherCollection {
        guard let sport = parameters.sport.flatMap(CollectedSport.named) else {
            throw CollectorError(
                .requestRejected, source: OpenMeteoClient.source, endpoint: "", message: "unknown sport \(parameters.sport ?? "(none)")")
        }
        let start = now()
        let games = try await store.games.games(
            sport: sport.code, from: start, to: start.addingTimeInterval(Double(parameters.hoursAhead ?? 48) * 3600)
        ).filter { $0.status == .scheduled }
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
            let days = entry.games.map(\.scheduledAt)
            let response = try await client.forecast(
                latitude: entry.venue.latitude, longitude: entry.venue.longitude, from: UpstreamTime.isoDay(days.min()!),
                to: UpstreamTime.isoDay(days.max()!), now: now())
            do {
                let forecast = try PayloadDecoder.decode(OpenMeteoForecast.self, from: response)
                fetched.append((response, try HourlyWeather(forecast, response: response), entry.games))
            } catch let error as CollectorError {
                let stored = try await RawIngestion.store(response, isBackfill: false, jobID: jobID, in: store)
                logger.error("invalid upstream payload", metadata: ["error": "\(error)", "raw_stored": "\(stored)"])
                throw error
            }
        }
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = WeatherCollection(
                applied: true, games: games.count, skippedGames: skipped, forecasts: fetched.count, observationsWritten: 0)
            for (response, hourly, venueGames) in fetched {
                guard try await RawIngestion.store(response, isBackfill: false, jobID: jobID, in: tx) else { continue }
                for game in venueGames {
                    guard let observation = hourly.observation(for: game, source: OpenMeteoClient.source, issuedAt: response.fetchedAt)
                    else { continue }
                    try await tx.weather.record(observation)
                    result.observationsWritten += 1
                }
            }
            return result
        }
        switch outcome {
        case .applied(let result): return result
        case .alreadyApplied:
            return WeatherCollection(
                applied: false, games: games.count, skippedGames: skipped, forecasts: fetched.count, observationsWritten: 0)
        }
    }
}
