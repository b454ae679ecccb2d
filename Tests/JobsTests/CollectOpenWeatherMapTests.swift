import Foundation
import Logging
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// OpenWeatherMap as the forecast provider: its real format (units by request, `dt` epochs, m/s, rain over
/// the last three hours), its documented errors, and the collector writing its forecasts.
@Suite struct CollectOpenWeatherMapTests {
    private func response(_ body: Data, status: Int = 200) -> UpstreamResponse {
        UpstreamResponse(source: "openweathermap", endpoint: "/reference", status: status, headers: [:], body: body, fetchedAt: Date())
    }

    @Test func theReferenceSampleDecodesToMetricSteps() throws {
        let body = try CollectTestSupport.referenceBody("openweathermap.json", "samples", "forecast5", "body")
        let forecast = try PayloadDecoder.decode(OpenWeatherMapForecast.self, from: response(body))
        // The sample was asked for in imperial units: °F and mph.
        let weather = try HourlyWeather(forecast, units: .imperial, response: response(body))
        let dt = Date(timeIntervalSince1970: 1_778_356_800)
        func game(startingAt start: Date) -> Game {
            Game(id: 1, sport: "mlb", externalID: "1", homeTeamID: 1, awayTeamID: 2, scheduledAt: start)
        }
        // Its rain fell in the three hours before dt: a game starting then gets the step.
        let observation = try #require(
            weather.observation(for: game(startingAt: dt.addingTimeInterval(-3600)), source: "owm", observedAt: dt))
        #expect(observation.forecastFor == dt.addingTimeInterval(-3 * 3600))
        #expect(abs(observation.temperatureC! - (70.3 - 32) * 5 / 9) < 1e-9)
        #expect(abs(observation.windSpeedKPH! - 9.6 * 1.609344) < 1e-9)
        #expect(observation.windDirectionDegrees == 232 && observation.humidityPercent == 55)
        #expect(abs(observation.precipitationMM! - 0.41 / 3) < 1e-9)
        #expect(observation.precipitationProbability == 0.32 && observation.conditions == "light rain")
        #expect(weather.observation(for: game(startingAt: dt), source: "owm", observedAt: dt) == nil)

        // Metric and standard: the same numbers mean other things.
        let metric = try HourlyWeather(forecast, units: .metric, response: response(body))
            .observation(for: game(startingAt: dt.addingTimeInterval(-60)), source: "owm", observedAt: dt)
        #expect(metric?.temperatureC == 70.3 && abs(metric!.windSpeedKPH! - 9.6 * 3.6) < 1e-9)
        let kelvin = try HourlyWeather(forecast, units: .standard, response: response(body))
            .observation(for: game(startingAt: dt.addingTimeInterval(-60)), source: "owm", observedAt: dt)
        #expect(abs(kelvin!.temperatureC! - (70.3 - 273.15)) < 1e-9)

        // Error bodies: `cod` is a number on 401 and 429 and a string on 404; the message decodes either way.
        for error in ["invalid_key", "not_found", "rate_limited"] {
            let body = try CollectTestSupport.referenceBody("openweathermap.json", "errors", error, "body")
            #expect(try !JSONDecoder().decode(OpenWeatherMapErrorBody.self, from: body).message.isEmpty)
        }
    }

    @Test func forecastsFromTheSandboxFillTheWeatherTable() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let client = OpenWeatherMapClient(
                configuration: OpenWeatherMapConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream)
            let weather = WeatherCollector(
                forecasts: client, archive: OpenMeteoClient(configuration: configuration.openMeteo, upstream: upstream), store: store,
                now: configuration.now)
            let logger = CollectTestSupport.logger
            _ = try await games.collect(CollectGames(sport: "mlb", dates: ["20260509", "20260510"]), jobID: "games", logger: logger)

            let raw = try await client.forecast(latitude: 40.8296, longitude: -73.9262, now: sandbox.clock.now)
            #expect(!raw.endpoint.contains("appid") && raw.endpoint.contains("units=metric"))
            let text = String(decoding: raw.body, as: UTF8.self)
            #expect(text.contains("\"cod\":\"200\"") && text.contains("\"dt_txt\":\"2026-05-09 18:00:00\""))
            let decoded = try PayloadDecoder.decode(OpenWeatherMapForecast.self, from: raw)
            #expect(decoded.list.count == 40 && decoded.list[0].dt == 1_778_349_600)  // 18:00Z, the next three-hour step

            let result = try await weather.collect(CollectWeather(sport: "mlb", hoursAhead: 48), jobID: "owm-1", logger: logger)
            #expect(result.observationsWritten > 5 && result.skippedGames > 0)
            #expect(result.observationsWritten + result.skippedGames == result.games)
            #expect(try await CollectTestSupport.count(store, "weather", where: "source = 'openweathermap'") == result.observationsWritten)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "source = 'openweathermap'") == result.forecasts)

            // A row holds the world's weather at the step's end, converted from m/s.
            var rows: [(Game, WeatherObservation)] = []
            for game in try await store.games.games(sport: "mlb", from: sandbox.clock.now, to: .distantFuture) {
                if let row = try await store.weather.latest(gameID: game.id!) { rows.append((game, row)) }
            }
            #expect(rows.count == result.observationsWritten)
            let (game, row) = try #require(rows.first)
            let venue = try #require(try await store.teams.find(id: game.homeTeamID)?.venue)
            let truth = sandbox.world.weather(
                latitude: venue.latitude, longitude: venue.longitude, hour: row.forecastFor.addingTimeInterval(3 * 3600))
            #expect(row.forecastFor <= game.scheduledAt && game.scheduledAt < row.forecastFor.addingTimeInterval(3 * 3600))
            #expect(row.temperatureC == truth.temperatureC && abs(row.windSpeedKPH! - truth.windSpeedKPH) < 0.02)
            #expect(row.conditions != nil && row.observedAt == sandbox.clock.now)

            // The same forecast again writes nothing.
            let again = try await weather.collect(CollectWeather(sport: "mlb", hoursAhead: 48), jobID: "owm-2", logger: logger)
            #expect(again.observationsWritten == 0)
        }
        await store.shutdown()
    }

    @Test func documentedErrorsArePermanentOrRetried() async throws {
        let sandbox = SandboxServer(
            configuration: SandboxConfiguration(
                seed: 42, start: CollectTestSupport.noonEastern, speed: 0, openWeatherMapCallsPerWindow: 2,
                openWeatherMapRateWindow: .seconds(600)),
            logger: Logger(label: "sandbox"))
        try await sandbox.withRunning { sandbox in
            // The window here is ten minutes and the API names no wait: retrying in place would only delay the answer.
            let upstream = UpstreamClient(rateLimitWait: .none)
            func client(key: String) -> OpenWeatherMapClient {
                OpenWeatherMapClient(configuration: OpenWeatherMapConfiguration(baseURL: sandbox.baseURL, apiKey: key), upstream: upstream)
            }
            let invalid = await #expect(throws: CollectorError.self) {
                try await client(key: "not-a-key").forecast(latitude: 40.8, longitude: -73.9, now: Date())
            }
            #expect(invalid?.code == .invalidCredentials && invalid?.status == 401 && invalid?.isPermanent == true)
            #expect(invalid?.message.hasPrefix("Invalid API key") == true && invalid?.endpoint.contains("not-a-key") == false)

            let wrong = await #expect(throws: CollectorError.self) {
                try await client(key: "sandbox").forecast(latitude: 91, longitude: -73.9, now: Date())
            }
            #expect(wrong?.code == .requestRejected && wrong?.message == "wrong latitude" && wrong?.isPermanent == true)

            _ = try await client(key: "sandbox").forecast(latitude: 40.8, longitude: -73.9, now: Date())
            let limited = await #expect(throws: CollectorError.self) {
                try await client(key: "sandbox").forecast(latitude: 40.8, longitude: -73.9, now: Date())
            }
            #expect(limited?.code == .rateLimited && limited?.status == 429 && limited?.isPermanent == false)
            #expect(limited?.message.contains("temporary blocked") == true)
        }
    }
}
