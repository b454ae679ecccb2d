import Foundation
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// Backfills get weather from Open-Meteo's archive, stamped before each game's start so features stay
/// point-in-time.
@Suite struct CollectHistoricalWeatherTests {
    @Test func aBackfilledWeekOfMLBGamesGetsWeatherAtOutdoorVenues() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let plan = BackfillPlan(sports: ["mlb"], from: "2026-05-01", to: "2026-05-07", sources: [.games, .weather])
        let requests = try plan.requests()
        // Seven games jobs, then one weather job for the week that waits for all of them.
        #expect(requests.map(\.type) == Array(repeating: CollectGames.jobType, count: 7) + [CollectWeather.jobType])
        #expect(requests[7].dependsOn == requests[..<7].map(\.id))
        let weatherJob = try JSONDecoder().decode(CollectWeather.self, from: Data(requests[7].payload.utf8))
        #expect(weatherJob == CollectWeather(sport: "mlb", from: "2026-05-01", to: "2026-05-07", isBackfill: true))
        try weatherJob.validate()

        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let weather = WeatherCollector(configuration: configuration, store: store, upstream: upstream)
            for request in requests.dropLast() {
                _ = try await games.collect(
                    JSONDecoder().decode(CollectGames.self, from: Data(request.payload.utf8)), jobID: request.id,
                    logger: CollectTestSupport.logger)
            }
            let result = try await weather.collect(weatherJob, jobID: requests[7].id, logger: CollectTestSupport.logger)

            let week = try #require(weatherJob.archiveRange)
            let played = try await store.games.games(sport: "mlb", from: week.lowerBound, to: week.upperBound)
            #expect(played.count > 50 && played.allSatisfy { $0.status == .final })
            var outdoor: [Game] = []
            for game in played {
                let venue = try #require(try await store.teams.find(id: game.homeTeamID)?.venue)
                if !venue.isIndoor && !game.isNeutralSite { outdoor.append(game) }
            }
            #expect(!outdoor.isEmpty && outdoor.count < played.count)
            #expect(result.games == played.count && result.skippedGames == played.count - outdoor.count)
            #expect(result.observationsWritten == outdoor.count)

            // One row per outdoor game, from the archive, stamped three hours before the start.
            #expect(try await CollectTestSupport.count(store, "weather") == outdoor.count)
            let rows = try await CollectTestSupport.count(
                store, "weather w JOIN games g ON g.id = w.game_id",
                where: "w.source = 'open-meteo-archive' AND w.observed_at = g.scheduled_at - interval '3 hours'"
                    + " AND w.forecast_for = date_trunc('hour', g.scheduled_at) AND w.temperature_c IS NOT NULL"
                    + " AND w.precipitation_probability IS NULL")
            #expect(rows == outdoor.count)
            #expect(
                try await CollectTestSupport.count(store, "raw_ingest", where: "source = 'open-meteo-archive' AND is_backfill")
                    == result.forecasts)

            // The values are the world's weather at the venue in the start hour.
            let game = outdoor[0]
            let venue = try #require(try await store.teams.find(id: game.homeTeamID)?.venue)
            let stored = try #require(try await store.weather.latest(gameID: game.id!))
            let hour = Date(timeIntervalSince1970: (game.scheduledAt.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
            let truth = sandbox.world.weather(latitude: venue.latitude, longitude: venue.longitude, hour: hour)
            #expect(stored.temperatureC == truth.temperatureC && stored.windSpeedKPH == truth.windSpeedKPH)

            // Point in time: features an hour before the start see it, features four hours before do not.
            let sources = FeatureSourceRepository(database: store)
            let hourBefore = outdoor.map { GameAsOf(gameID: $0.id!, asOf: $0.scheduledAt.addingTimeInterval(-3600)) }
            #expect(try await sources.weather(for: hourBefore).count == outdoor.count)
            let fourBefore = outdoor.map { GameAsOf(gameID: $0.id!, asOf: $0.scheduledAt.addingTimeInterval(-4 * 3600)) }
            #expect(try await sources.weather(for: fourBefore).isEmpty)

            // Backfilling the week again writes nothing new.
            let again = try await weather.collect(weatherJob, jobID: "weather-again", logger: CollectTestSupport.logger)
            #expect(again.applied && again.observationsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "weather") == outdoor.count)
        }
        await store.shutdown()
    }

    @Test func theArchiveIsForPastDaysOnly() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let weather = WeatherCollector(configuration: configuration, store: store, upstream: UpstreamClient())
            // The sandbox's today is 2026-05-09: a range ending today is not over.
            let today = CollectWeather(sport: "mlb", from: "2026-05-08", to: "2026-05-09")
            let error = await #expect(throws: CollectorError.self) {
                try await weather.collect(today, jobID: "today", logger: CollectTestSupport.logger)
            }
            #expect(error?.isPermanent == true)

            // The archive refuses days after today and the forecast's probability, as Open-Meteo does.
            let client = OpenMeteoClient(configuration: configuration.openMeteo, upstream: UpstreamClient())
            let future = await #expect(throws: CollectorError.self) {
                try await client.archive(latitude: 40.8, longitude: -73.9, from: "2026-05-08", to: "2026-05-10", now: Date())
            }
            #expect(future?.status == 400 && future?.message.contains("out of allowed range") == true)
            let yesterday = try await client.archive(latitude: 40.8, longitude: -73.9, from: "2026-05-08", to: "2026-05-09", now: Date())
            let decoded = try PayloadDecoder.decode(OpenMeteoForecast.self, from: yesterday)
            #expect(decoded.hourly.time.count == 48 && decoded.hourly.precipitationProbability == nil)
            // Hours after the sandbox's now (16:00Z) are not analysed yet: null.
            #expect(decoded.hourly.temperature2m?[24 + 15] != nil && decoded.hourly.temperature2m?[24 + 16] == nil)
        }
        await store.shutdown()
    }

    @Test func archiveRangesAreValidated() throws {
        #expect(throws: QueueError.self) { try CollectWeather(sport: "mlb", from: "2026-05-01", to: "2026-04-30").validate() }
        #expect(throws: QueueError.self) { try CollectWeather(sport: "mlb", from: "2026-05-01", to: "2026-07-01").validate() }
        #expect(throws: QueueError.self) { try CollectWeather(sport: "mlb", from: "20260501", to: "2026-05-02").validate() }
        var both = CollectWeather(sport: "mlb", from: "2026-05-01", to: "2026-05-02")
        both.hoursAhead = 48
        #expect(throws: QueueError.self) { try both.validate() }
        try CollectWeather(sport: "mlb", from: "2026-03-08", to: "2026-03-08").validate()  // a 23-hour day
        #expect(
            CollectWeather(sport: "mlb", from: "2026-05-01", to: "2026-05-01").archiveRange?.lowerBound
                == Date(timeIntervalSince1970: 1_777_608_000))  // 04:00Z
    }
}
