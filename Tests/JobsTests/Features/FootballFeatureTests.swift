import Foundation
import Jobs
import Store
import Testing

/// The featurizer's NFL features on hand-built weeks: a bye's rest, trips that start at home, the rest and travel
/// adjustment to the line, points for and against and one-score games, divisions and the NFL's Elo.
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
        #expect(FeatureCatalog.names(sport: "nfl").allSatisfy { !$0.hasPrefix("weather_") && !$0.hasPrefix("adv_goals") })
    }
}
