import Foundation
import Testing

@testable import Sandbox

/// The simulated Premier League's weather: heavy rain and strong wind at kick-off cost a few percent of the expected
/// goals at every (open) ground, and the market prices only part of that at the open, as it does the NFL's.
@Suite struct SandboxSoccerWeatherTests {
    private static let world = SandboxWorld(seed: 42, sports: [.epl])
    /// 2016-08-01 to 2026-02-01: nine and a half seasons of Saturdays.
    private static let seasons = Date(timeIntervalSince1970: 1_470_009_600)..<Date(timeIntervalSince1970: 1_769_904_000)

    @Test func heavyRainAndStrongWindCutExpectedGoalsALittle() {
        // Rough is heavy rain (over a millimetre in the hour) or wind above 25 km/h; calm is dry with wind under 20 km/h.
        var rough: [(game: SimulatedGame, expected: Double)] = []
        var calm: [Double] = []
        for game in Self.world.games(.epl, startingIn: Self.seasons) {
            let venue = game.home.venue
            #expect(!venue.isIndoor && venue.latitude > 50 && venue.latitude < 56 && venue.longitude > -3.1 && venue.longitude < 0.1)
            let weather = Self.world.weather(latitude: venue.latitude, longitude: venue.longitude, hour: game.startsAt)
            let expected = Self.world.expectedScores(game)
            if weather.precipitationMM > 1 || weather.windSpeedKPH > 25 {
                rough.append((game, expected.home + expected.away))
                // Each rough match loses 3 % (rain) or 0.4 % a km/h of wind above 25 km/h, never more than 8 %.
                #expect(game.conditions.scoring < 1 && game.conditions.scoring >= 0.92)
            } else if weather.precipitationMM == 0 && weather.windSpeedKPH < 20 {
                calm.append(expected.home + expected.away)
                #expect(game.conditions.scoring == 1)
            }
        }
        #expect(rough.count >= 150 && calm.count >= 1_000, "\(rough.count) rough, \(calm.count) calm")
        let roughMean = rough.reduce(0) { $0 + $1.expected } / Double(rough.count)
        let calmMean = calm.reduce(0, +) / Double(calm.count)
        let cut = roughMean / calmMean
        #expect(cut < 0.985 && cut > 0.93, "expected goals in rough weather \(roughMean), calm \(calmMean)")

        // At the open the market has priced less than a third of it (`pricedAtOpen`), an hour before the start all.
        let share = SandboxWorld.pricedAtOpen(.epl)
        for (game, _) in rough.prefix(50) {
            let truth = game.conditions.scoring
            let atOpen = game.conditions.priced(share: share).scoring
            #expect(atOpen > truth && atOpen < 1 && abs(atOpen - pow(truth, share)) < 1e-12)
            #expect(abs(game.conditions.priced(share: 1).scoring - truth) < 1e-12)
        }
    }
}
