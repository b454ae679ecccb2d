import AsyncHTTPClient
import Foundation
import Sandbox
import Store
import Testing

@testable import Jobs

/// The sandbox speaks the real formats: the reference samples and the sandbox's answers decode with the
/// same client types, and the same seed gives the same world.
@Suite struct SandboxFormatTests {
    private func response(_ source: String, _ body: Data, status: Int = 200) -> UpstreamResponse {
        UpstreamResponse(source: source, endpoint: "/reference", status: status, headers: [:], body: body, fetchedAt: Date())
    }

    @Test func referenceSamplesDecodeWithTheClientTypes() throws {
        let sports = try PayloadDecoder.decode(
            [OddsAPISport].self,
            from: response("the-odds-api", CollectTestSupport.referenceBody("the-odds-api.json", "samples", "sports", "body")))
        #expect(sports.map(\.key).contains("basketball_nba"))
        let american = try PayloadDecoder.decode(
            [OddsAPIEvent].self,
            from: response("the-odds-api", CollectTestSupport.referenceBody("the-odds-api.json", "samples", "odds_american", "body")))
        #expect(american[0].bookmakers[0].markets[0].outcomes[0].price == -164)
        #expect(OddsFormat.american.decimalPrice(138)! == 2.38)
        let decimal = try PayloadDecoder.decode(
            [OddsAPIEvent].self,
            from: response("the-odds-api", CollectTestSupport.referenceBody("the-odds-api.json", "samples", "odds_decimal", "body")))
        #expect(decimal[0].bookmakers[0].markets[0].outcomes[0].price == 2.02)
        let scores = try PayloadDecoder.decode(
            [OddsAPIScoreEvent].self,
            from: response("the-odds-api", CollectTestSupport.referenceBody("the-odds-api.json", "samples", "scores", "body")))
        #expect(scores[0].score(of: "Sacramento Kings") == 113)
        #expect(scores[2].scores == nil && scores[2].lastUpdate == nil)
        let historical = try PayloadDecoder.decode(
            OddsAPIHistoricalSnapshot.self,
            from: response("the-odds-api", CollectTestSupport.referenceBody("the-odds-api.json", "samples", "historical_odds", "body")))
        #expect(historical.data[0].bookmakers[1].markets.map(\.key) == ["h2h_lay", "h2h"])
        #expect(historical.data[0].bookmakers[0].markets[0].lastUpdate == nil)
        let scoreboard = try PayloadDecoder.decode(
            ESPNScoreboard.self, from: response("espn", CollectTestSupport.referenceBody("espn.json", "samples", "scoreboard", "body")))
        #expect(scoreboard.events[0].date == Date(timeIntervalSince1970: 1_730_333_280))  // 2024-10-31T00:08Z
        #expect(scoreboard.events[0].competitions[0].competitors.map(\.score) == ["6", "7"])
        let forecastResponse = response(
            "open-meteo", try CollectTestSupport.referenceBody("open-meteo.json", "samples", "forecast_hourly", "body"))
        let forecast = try PayloadDecoder.decode(OpenMeteoForecast.self, from: forecastResponse)
        #expect(forecast.hourlyUnits["wind_speed_10m"] == "mp/h")
        let hourly = try HourlyWeather(forecast, response: forecastResponse)
        // 2026-05-09T15:00 at GMT-4 is 19:00Z; 68.4 °F is 20.2 °C.
        let game = Game(
            id: 1, sport: "mlb", externalID: "1", homeTeamID: 1, awayTeamID: 2,
            scheduledAt: Date(timeIntervalSince1970: 1_778_353_200 + 600))
        let observation = try #require(hourly.observation(for: game, source: "open-meteo", observedAt: Date()))
        #expect(abs(observation.temperatureC! - 20.22) < 0.01)
        #expect(abs(observation.windSpeedKPH! - 8.2 * 1.609344) < 0.001)
    }

    @Test func sandboxAnswersDecodeWithTheClientTypes() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let upstream = UpstreamClient()
            let now = sandbox.clock.now
            for format in [OddsFormat.american, .decimal] {
                let client = OddsAPIClient(
                    configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox", oddsFormat: format), upstream: upstream
                )
                let odds = try await client.odds(sport: "baseball_mlb", now: now)
                #expect(OddsAPIQuota(headers: odds.headers)?.last == 3)
                let events = try PayloadDecoder.decode([OddsAPIEvent].self, from: odds)
                #expect(events.count > 10)
                let prices = events.flatMap(\.bookmakers).flatMap(\.markets).flatMap(\.outcomes).map(\.price)
                #expect(prices.allSatisfy { format.decimalPrice($0) != nil })
                if format == .american { #expect(prices.allSatisfy { $0 == $0.rounded() }) }
                #expect(events[0].bookmakers[0].markets.map(\.key) == ["h2h", "spreads", "totals"])
                let historical = try await client.historicalOdds(sport: "basketball_nba", at: now.addingTimeInterval(-3600), now: now)
                let snapshot = try PayloadDecoder.decode(OddsAPIHistoricalSnapshot.self, from: historical)
                #expect(snapshot.timestamp <= now.addingTimeInterval(-3600) && !snapshot.data.isEmpty)
                #expect(OddsAPIQuota(headers: historical.headers)?.last == 30)
            }
            let sports = try PayloadDecoder.decode(
                [OddsAPISport].self,
                from: try await OddsAPIClient(
                    configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream
                )
                .sports(now: now))
            let keys = ["basketball_nba", "baseball_mlb", "soccer_epl", "icehockey_nhl", "americanfootball_nfl"]
            #expect(sports.map(\.key) == keys && sports.allSatisfy(\.active))
            let scores = try await OddsAPIClient(
                configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream
            )
            .scores(sport: "basketball_nba", daysFrom: 1, now: now)
            let scoreEvents = try PayloadDecoder.decode([OddsAPIScoreEvent].self, from: scores)
            #expect(scoreEvents.contains { $0.completed && $0.scores?.count == 2 })
            #expect(scoreEvents.contains { !$0.completed && $0.scores == nil })
            let board = try await ESPNClient(configuration: ESPNConfiguration(baseURL: sandbox.baseURL), upstream: upstream)
                .scoreboard(path: "baseball/mlb", date: "20260509", now: now)
            #expect(String(decoding: board.body, as: UTF8.self).contains("\"date\":\"2026-05-09T"))
            let scoreboard = try PayloadDecoder.decode(ESPNScoreboard.self, from: board)
            #expect(scoreboard.events.allSatisfy { $0.status.type.state == "pre" })
            #expect(!scoreboard.events.isEmpty)
            let athletics = try #require(sandbox.world.league(.mlb)?.teams.first { $0.abbreviation == "ATH" })
            #expect(athletics.espnName == "Athletics" && athletics.oddsAPIName == "Oakland Athletics")
            let forecast = try await OpenMeteoClient(configuration: OpenMeteoConfiguration(baseURL: sandbox.baseURL), upstream: upstream)
                .forecast(latitude: 39.0975, longitude: -84.5066, from: "2026-05-09", to: "2026-05-10", now: now)
            let decoded = try PayloadDecoder.decode(OpenMeteoForecast.self, from: forecast)
            #expect(decoded.hourly.time.count == 48 && decoded.hourly.time[0] == "2026-05-09T00:00")
            #expect(decoded.hourly.temperature2m?.count == 48)
        }
    }

    @Test func theSameSeedMakesTheSameWorld() async throws {
        func bodies(seed: UInt64) async throws -> [Data] {
            try await CollectTestSupport.sandbox(seed: seed).withRunning { sandbox in
                let upstream = UpstreamClient()
                let odds = try await OddsAPIClient(
                    configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream
                )
                .odds(sport: "basketball_nba", now: Date())
                let board = try await ESPNClient(configuration: ESPNConfiguration(baseURL: sandbox.baseURL), upstream: upstream)
                    .scoreboard(path: "basketball/nba", date: "20260508", now: Date())
                return [odds.body, board.body]
            }
        }
        let first = try await bodies(seed: 7)
        #expect(try await bodies(seed: 7) == first)
        #expect(try await bodies(seed: 8) != first)
    }

    @Test func truthIsExposedOnASandboxOnlyEndpoint() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let response = try await UpstreamClient().get(
                source: "sandbox", baseURL: sandbox.baseURL, path: "/sandbox/v1/truth/nba", query: [("date", "20260508")], now: Date())
            let games = try JSONSerialization.jsonObject(with: response.body) as! [[String: Any]]
            #expect(!games.isEmpty)
            for game in games {
                let probability = game["home_win_probability"] as! Double
                #expect(probability > 0 && probability < 1)
                // The fair lines sit as close to even as a half point allows.
                #expect(abs((game["home_cover_probability"] as! Double) - 0.5) < 0.1)
                #expect(abs((game["over_probability"] as! Double) - 0.5) < 0.1)
                #expect(game["status"] as? String == "final" && game["home_score"] is Int)
                #expect(game["draw_probability"] as? Double == 0)
            }
        }
    }

    /// Soccer's truth gives the draw too: the world's, leaving the away side a share.
    @Test func soccerTruthGivesTheDrawProbability() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let response = try await UpstreamClient().get(
                source: "sandbox", baseURL: sandbox.baseURL, path: "/sandbox/v1/truth/epl", query: [("date", "20260502")], now: Date())
            let games = try JSONSerialization.jsonObject(with: response.body) as! [[String: Any]]
            #expect(games.count == 10)
            let world = SandboxWorld(seed: 42)
            let simulated = try #require(world.games(.epl, onEasternDate: "20260502"))
            for game in games {
                let (home, draw) = (game["home_win_probability"] as! Double, game["draw_probability"] as! Double)
                #expect(draw > 0.15 && draw < 0.4 && home + draw < 1, "home \(home), draw \(draw)")
                let truth = try #require(simulated.first { $0.espnID == game["espn_id"] as? String })
                #expect(abs(draw - world.drawProbability(truth)) < 1e-12)
            }
        }
    }

    @Test func oddsAPIErrorsAreTheDocumentedOnes() async throws {
        try await CollectTestSupport.sandbox(quota: 4, requestsPerWindow: 2, window: .seconds(600)).withRunning { sandbox in
            let upstream = UpstreamClient()
            let wrongKey = OddsAPIClient(configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "nope"), upstream: upstream)
            let invalid = await #expect(throws: CollectorError.self) { try await wrongKey.odds(sport: "basketball_nba", now: Date()) }
            #expect(invalid?.code == .invalidCredentials && invalid?.status == 401 && invalid?.isPermanent == true)
            #expect(invalid?.message.hasPrefix("INVALID_KEY") == true)
            #expect(invalid?.endpoint.contains("nope") == false)
            let client = OddsAPIClient(configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream)
            _ = try await client.odds(sport: "basketball_nba", now: Date())  // 3 of 4 credits
            let exhausted = await #expect(throws: CollectorError.self) { try await client.odds(sport: "basketball_nba", now: Date()) }
            #expect(exhausted?.code == .quotaExhausted && exhausted?.status == 401 && exhausted?.isPermanent == true)
            let limited = await #expect(throws: CollectorError.self) { try await client.sports(now: Date()) }
            #expect(limited?.code == .rateLimited && limited?.status == 429 && limited?.isPermanent == false)
        }
    }

    @Test func aMomentaryFrequencyLimitIsWaitedOutNotFailed() async throws {
        // The refusal is injected, not produced by request timing: on a loaded machine two calls may be seconds apart.
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let upstream = UpstreamClient()
            var configuration = OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox")
            sandbox.faults.inject(.status(429), pathPrefix: "/v4/sports")
            configuration.frequencyRetries = 0
            let hasty = OddsAPIClient(configuration: configuration, upstream: upstream)
            let refused = await #expect(throws: CollectorError.self) { _ = try await hasty.sports(now: Date()) }
            #expect(refused?.code == .rateLimited && refused?.status == 429)
            // Six retries wait 0.25 + 0.5 + 1 + 2 + 4 + 5 s (±20 %): the limit lifts after a second, within them.
            configuration.frequencyRetries = 6
            let patient = OddsAPIClient(configuration: configuration, upstream: upstream)
            let started = ContinuousClock.now
            async let answered = patient.sports(now: Date())
            try await Task.sleep(for: .seconds(1))
            sandbox.faults.clear()
            #expect(try await answered.status == 200)
            #expect(started.duration(to: .now) >= .seconds(1), "it waited the limit out")
        }
    }
}
