import Foundation
import Sandbox
import Store
import Testing

@testable import Jobs

/// The simulated Premier League through the unchanged collectors and the featurizer: three-way moneylines with
/// their draw, quarter-goal Asian handicaps and totals, the weather at every ground (feature set v8), and features
/// whose home/draw/away forecast sums to 1.
@Suite struct SoccerFeatureTests {
    static let anfield = Venue(name: "Anfield", city: "Liverpool", latitude: 53.4308, longitude: -2.9608, timeZone: "Europe/London")
    static let liverpool = Team(id: 1, sport: "epl", externalID: "364", name: "Liverpool", abbreviation: "LIV", venue: anfield)
    static let arsenal = Team(
        id: 2, sport: "epl", externalID: "359", name: "Arsenal", abbreviation: "ARS",
        venue: Venue(name: "Emirates Stadium", city: "London", latitude: 51.5549, longitude: -0.1084, timeZone: "Europe/London"))

    @Test func thePremierLeaguesWeatherIsAFeatureFromV8() throws {
        // Saturday 2026-03-07 15:00 at Anfield; the observation was taken three hours before.
        let kickOff = Date(timeIntervalSince1970: 1_772_895_600)
        let target = Game(
            id: 9, sport: "epl", externalID: "g9", season: 2026, homeTeamID: 1, awayTeamID: 2, scheduledAt: kickOff, status: .scheduled)
        let rain = WeatherObservation(
            gameID: 9, source: "open-meteo", observedAt: kickOff.addingTimeInterval(-3 * 3_600), forecastFor: kickOff,
            temperatureC: 6.5, windSpeedKPH: 31, precipitationMM: 2.4, precipitationProbability: 0.9)
        var builder = FeatureBuilder(sport: "epl", teams: [Self.liverpool, Self.arsenal], finishedGames: [])
        let asOf = kickOff.addingTimeInterval(-3_600)
        let features = builder.features(for: target, asOf: asOf, weather: rain)
        #expect(features["weather_indoor"] == 0 && features["weather_temp_c"] == 6.5 && features["weather_wind_kph"] == 31)
        #expect(features["weather_precip_mm"] == 2.4 && features["weather_precip_prob"] == 0.9)
        // Point in time: an observation not taken before the as-of is not the game's weather.
        let early = builder.features(for: target, asOf: rain.observedAt, weather: rain)
        #expect(early["weather_indoor"] == 0 && early["weather_temp_c"] == nil && early["weather_wind_kph"] == nil)
        // The names baseball and football have; v7 and older Premier League sets stay as they were.
        #expect(Array(FeatureCatalog.computable.drop { $0 != "v7" }.prefix(2)) == ["v7", "v8"])
        let weatherNames = ["weather_temp_c", "weather_wind_kph", "weather_precip_mm", "weather_precip_prob", "weather_indoor"]
        #expect(weatherNames.allSatisfy(FeatureCatalog.names(sport: "epl").contains))
        #expect(weatherNames.allSatisfy(FeatureCatalog.names(sport: "nfl").contains))
        for version in FeatureCatalog.computable.prefix(while: { $0 != "v8" }) {
            #expect(FeatureCatalog.names(sport: "epl", version: version).allSatisfy { !$0.hasPrefix("weather_") }, "\(version)")
            #expect(weatherNames.allSatisfy(FeatureCatalog.names(sport: "mlb", version: version).contains), "\(version)")
            var old = builder.computing(version)
            #expect(old.features(for: target, asOf: asOf, weather: rain).keys.allSatisfy { !$0.hasPrefix("weather_") }, "\(version)")
        }
        let v8 = FeatureCatalog.names(sport: "epl", version: "v8")
        #expect(FeatureCatalog.names(sport: "epl", version: "v7") == v8.filter { !$0.hasPrefix("weather_") })
        #expect(FeatureCatalog.names(sport: "nba").allSatisfy { !$0.hasPrefix("weather_") })
    }

    @Test func simulatedSoccerIsCollectedAndFeaturized() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["epl"], from: "2026-03-01", to: "2026-04-26", weather: true)
            let from = FeatureFixture.day("2026-03-01")
            let to = FeatureFixture.day("2026-04-27")
            let games = try await store.games.games(sport: "epl", from: from, to: to)
            // Eight Saturdays of ten matches, every one finished, some of them drawn.
            #expect(games.count == 80 && games.allSatisfy { $0.status == .final })
            let draws = games.count { $0.homeScore == $0.awayScore }
            #expect(draws > 5 && draws < 35, "\(draws) draws")
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'h2h' AND outcome = 'draw'") > 80)
            // Asian handicaps on quarter goals, as the books hang them: whole, half and quarter lines.
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'spreads' AND abs(point) * 4 <> floor(abs(point) * 4)") == 0)
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'spreads' AND abs(point) - floor(abs(point)) IN (0.25, 0.75)") > 0)
            // The backfill's daily snapshot is taken before the first kick-off, so every game has a close.
            #expect(
                try await CollectTestSupport.count(
                    store, "games g", where: "g.sport = 'epl' AND NOT EXISTS (SELECT 1 FROM closing_lines c WHERE c.game_id = g.id)") == 0)
            // Every ground is open: Open-Meteo's archive gives every match the weather of its ground in the kick-off hour.
            #expect(try await CollectTestSupport.count(store, "weather w JOIN games g ON g.id = w.game_id", where: "g.sport = 'epl'") == 80)
            for game in games.prefix(10) {
                let venue = try #require(try await store.teams.find(id: game.homeTeamID)?.venue)
                #expect(!venue.isIndoor)
                let stored = try #require(try await store.weather.latest(gameID: game.id!))
                let hour = Date(timeIntervalSince1970: (game.scheduledAt.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
                let truth = sandbox.world.weather(latitude: venue.latitude, longitude: venue.longitude, hour: hour)
                #expect(stored.temperatureC == truth.temperatureC && stored.windSpeedKPH == truth.windSpeedKPH)
                #expect(stored.precipitationMM == truth.precipitationMM)
            }

            let result = try await Featurizer(store: store, now: { sandbox.clock.now }).run(
                sport: "epl", Featurize(sport: "epl", from: from, to: to, leadMinutes: 60), logger: CollectTestSupport.logger)
            #expect(result.gamesFeaturized == 80)
            #expect(result.meanCompleteness > 0.85, "completeness \(result.meanCompleteness)")
            let sets = try await store.gameFeatures.featureSets(gameIDs: games.compactMap(\.id), featureSetVersion: FeatureCatalog.version, asOf: to)
            let late = games.suffix(20).compactMap { $0.id.flatMap { sets[$0] } }
            #expect(late.count == 20)
            for set in late {
                let draw = try #require(set.features["line_drawprob_current"])
                let home = try #require(set.features["line_homewinprob_current"])
                #expect(draw > 0.1 && draw < 0.4 && home + draw < 1)
                #expect(set.features["adv_draw_rate_home_last10"] != nil && set.features["team_pythag_away_season"] != nil)
                #expect(set.features["weather_indoor"] == 0 && set.features["weather_temp_c"] != nil)
                #expect(set.features["weather_wind_kph"] != nil && set.features["weather_precip_mm"] != nil)
                let sides = try #require(BetOutcome.sides(.moneyline, threeWay: true, probability: home, features: set.features))
                #expect(abs(sides.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            }
        }
        await store.shutdown()
    }
}
