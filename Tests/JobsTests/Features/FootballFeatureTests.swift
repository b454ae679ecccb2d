import Foundation
import Jobs
import Sandbox
import Store
import Testing

/// The featurizer's NFL features on hand-built weeks (a bye's rest, trips that start at home, the rest and travel
/// adjustment to the line, points for and against and one-score games, divisions and the NFL's Elo), and the
/// simulated NFL through the unchanged collectors and the featurizer.
@Suite struct FootballFeatureTests {
    /// 2026-09-13 17:00 UTC, Sunday 13:00 Eastern of the season's first week.
    static let firstSunday = Date(timeIntervalSince1970: 1_789_318_800)

    static let kansasCity = Team(
        id: 1, sport: "nfl", externalID: "16", name: "Kansas City Chiefs", abbreviation: "KC",
        venue: Venue(name: "GEHA Field at Arrowhead Stadium", latitude: 39.0489, longitude: -94.4839, timeZone: "America/Chicago"))
    static let denver = Team(
        id: 2, sport: "nfl", externalID: "10", name: "Denver Broncos", abbreviation: "DEN",
        venue: Venue(name: "Empower Field at Mile High", latitude: 39.7439, longitude: -105.0201, timeZone: "America/Denver"))
    static let buffalo = Team(
        id: 3, sport: "nfl", externalID: "4", name: "Buffalo Bills", abbreviation: "BUF",
        venue: Venue(name: "Highmark Stadium", latitude: 42.7738, longitude: -78.7870, timeZone: "America/New_York"))

    static func game(_ id: Int, home: Team, away: Team, week: Int, score: (Int, Int)? = nil) -> Game {
        Game(
            id: id, sport: "nfl", externalID: "g\(id)", season: 2026, homeTeamID: home.id!, awayTeamID: away.id!,
            scheduledAt: firstSunday.addingTimeInterval(Double(week) * 7 * 86_400), status: score == nil ? .scheduled : .final,
            homeScore: score?.0, awayScore: score?.1)
    }

    @Test func aByeRestsATeamAndTripsStartAtHome() throws {
        let history = [
            // Week 1: Kansas City beats Denver by 3 at home. Week 2: Kansas City wins by 10 in Buffalo; Denver's bye.
            Self.game(1, home: Self.kansasCity, away: Self.denver, week: 0, score: (27, 24)),
            Self.game(2, home: Self.buffalo, away: Self.kansasCity, week: 1, score: (20, 30)),
        ]
        var builder = FeatureBuilder(sport: "nfl", teams: [Self.kansasCity, Self.denver, Self.buffalo], finishedGames: history)
        // Week 3: Denver, off its bye, hosts Kansas City.
        let target = Self.game(3, home: Self.denver, away: Self.kansasCity, week: 2)
        let features = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(-3_600))

        #expect(features["rest_days_home"] == 13 && features["rest_days_away"] == 6)
        #expect(features["rest_b2b_home"] == 0 && features["rest_b2b_away"] == 0)
        // Kansas City flew home from Buffalo: its trip is Kansas City to Denver, not Buffalo to Denver.
        let kansasCityToDenver = GreatCircle.kilometres(
            fromLatitude: 39.0489, longitude: -94.4839, toLatitude: 39.7439, longitude: -105.0201)
        #expect(features["travel_km_away"] == kansasCityToDenver && features["travel_km_home"] == 0)
        // A week's more rest (0.15 points a day) and the visitors' trip (0.3 points per 1,000 km), over a 13.5-point margin.
        let margin = 0.15 * 7 + 0.3 * kansasCityToDenver / 1_000
        let adjustment = try #require(features["line_adjust_schedule"])
        #expect(abs(adjustment - 1.702 * margin / 13.5) < 1e-12)
        #expect(features["adv_points_for_away_last5"] == 28.5 && features["adv_points_against_away_last5"] == 22)
        #expect(features["adv_one_score_rate_away_last10"] == 0.5 && features["adv_one_score_rate_home_last10"] == 1)
        #expect(features["adv_points_for_home_last5"] == 24)
        #expect(features["situ_divisional"] == 1 && features["situ_conference"] == 1)
        // FiveThirtyEight's NFL Elo: K 20 with the logarithmic margin multiplier, a home edge of 48.
        let homeWin = try #require(features["team_elo_homewinprob"])
        let diff = try #require(features["team_elo_diff"])
        #expect(abs(homeWin - 1 / (1 + pow(10, -(diff + 48) / 400))) < 1e-9)
        #expect(features["team_elo_away"]! > 1500 && features["team_elo_home"]! < 1500)
        #expect(FeatureCatalog.names(sport: "nfl").allSatisfy { !$0.hasPrefix("adv_goals") })
        // Outdoors without an observation the weather is missing; a reading before the as-of is the game's weather.
        #expect(features["weather_indoor"] == 0 && features["weather_wind_kph"] == nil)
        let windy = WeatherObservation(
            gameID: 3, source: "open-meteo", observedAt: target.scheduledAt.addingTimeInterval(-7_200), forecastFor: target.scheduledAt,
            temperatureC: 2,
            windSpeedKPH: 38, precipitationMM: 1.5, precipitationProbability: 0.8)
        let withWeather = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(-3_600), weather: windy)
        #expect(withWeather["weather_wind_kph"] == 38 && withWeather["weather_temp_c"] == 2 && withWeather["weather_precip_prob"] == 0.8)
    }

    @Test func simulatedFootballIsCollectedAndFeaturized() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            // The 2025 season's first eight weeks: Thursday 2025-09-04 to Monday 2025-10-27, byes from week 6. The
            // Tuesday's snapshot closes the Monday night game (00:15 UTC), as the scheduled collection would.
            try await FeatureFixture.backfill(store, sandbox, sports: ["nfl"], from: "2025-09-04", to: "2025-10-28")
            let from = FeatureFixture.day("2025-09-04")
            let to = FeatureFixture.day("2025-10-28")
            let games = try await store.games.games(sport: "nfl", from: from, to: to)
            let simulated = sandbox.world.games(.nfl, startingIn: from..<to)
            #expect(games.count == simulated.count && games.count > 100 && games.allSatisfy { $0.status == .final && $0.season == 2025 })
            // Half-point spreads and totals only.
            for market in ["spreads", "totals"] {
                let offTheHalf = "market = '\(market)' AND abs(point) - floor(abs(point)) <> 0.5"
                #expect(try await CollectTestSupport.count(store, "odds", where: offTheHalf) == 0, "\(market)")
            }
            #expect(
                try await CollectTestSupport.count(
                    store, "games g", where: "g.sport = 'nfl' AND NOT EXISTS (SELECT 1 FROM closing_lines c WHERE c.game_id = g.id)") == 0)

            let result = try await Featurizer(store: store, now: { sandbox.clock.now }).run(
                sport: "nfl", Featurize(sport: "nfl", from: from, to: to, leadMinutes: 60), logger: CollectTestSupport.logger)
            #expect(result.gamesFeaturized == games.count)
            #expect(result.meanCompleteness > 0.85, "completeness \(result.meanCompleteness)")
            let sets = try await store.gameFeatures.featureSets(
                gameIDs: games.compactMap(\.id), featureSetVersion: FeatureCatalog.version, asOf: to)
            let features = games.compactMap { $0.id.flatMap { sets[$0]?.features } }
            #expect(features.count == games.count)
            // Teams off their bye have 13 days' rest; a third of the games are division games.
            #expect(features.contains { $0["rest_days_home"] == 13 || $0["rest_days_away"] == 13 })
            let divisional = Double(features.count { $0["situ_divisional"] == 1 }) / Double(features.count)
            #expect(divisional > 0.2 && divisional < 0.5, "division games \(divisional)")
            #expect(features.suffix(20).allSatisfy { $0["adv_one_score_rate_home_last10"] != nil && $0["line_spread_current"] != nil })
        }
        await store.shutdown()
    }
}
