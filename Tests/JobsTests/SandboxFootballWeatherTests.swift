import Foundation
import Testing

@testable import Sandbox

/// The simulated NFL's weather: wind and rain at kick-off cut scoring at an open stadium (the truth's expected points
/// and the scores that follow from them), and a dome's games score the same whatever the weather outside.
@Suite struct SandboxFootballWeatherTests {
    private static let world = SandboxWorld(seed: 42, sports: [.nfl])
    /// 2016-08-01 to 2026-02-01: ten whole seasons, 2,720 games.
    private static let tenSeasons = Date(timeIntervalSince1970: 1_470_009_600)..<Date(timeIntervalSince1970: 1_769_904_000)

    /// The games' expected and scored totals, split by roof and by the weather at kick-off: rough is rain (over half a
    /// millimetre in the hour) or wind above 25 km/h, calm is dry with wind under 20 km/h; the rest is left out.
    private struct Totals {
        var expected: [Double] = []
        var scored: [Double] = []

        var meanExpected: Double { expected.reduce(0, +) / Double(max(1, expected.count)) }
        var meanScored: Double { scored.reduce(0, +) / Double(max(1, scored.count)) }
    }

    private static func totals() -> (outdoor: (rough: Totals, calm: Totals), indoor: (rough: Totals, calm: Totals)) {
        var outdoor = (rough: Totals(), calm: Totals())
        var indoor = (rough: Totals(), calm: Totals())
        for game in world.games(.nfl, startingIn: tenSeasons) {
            let venue = game.home.venue
            let weather = world.weather(latitude: venue.latitude, longitude: venue.longitude, hour: game.startsAt)
            let rough = weather.precipitationMM > 0.5 || weather.windSpeedKPH > 25
            let calm = weather.precipitationMM == 0 && weather.windSpeedKPH < 20
            guard rough || calm else { continue }
            let expected = world.expectedScores(game)
            let final = game.finalScore
            func add(_ totals: inout Totals) {
                totals.expected.append(expected.home + expected.away)
                totals.scored.append(Double(final.home + final.away))
            }
            switch (venue.isIndoor, rough) {
            case (false, true): add(&outdoor.rough)
            case (false, false): add(&outdoor.calm)
            case (true, true): add(&indoor.rough)
            case (true, false): add(&indoor.calm)
            }
        }
        return (outdoor, indoor)
    }

    @Test func windAndRainCutScoringOutdoorsAndNotUnderARoof() {
        let (outdoor, indoor) = Self.totals()
        #expect(outdoor.rough.expected.count >= 200 && outdoor.calm.expected.count >= 500)
        #expect(indoor.rough.expected.count >= 50 && indoor.calm.expected.count >= 150)
        // Rain takes 4 % of the points, wind above 20 km/h 0.6 % a km/h: every rough game loses at least 3 %.
        let cut = outdoor.rough.meanExpected / outdoor.calm.meanExpected
        #expect(cut < 0.97 && cut > 0.85, "expected points in rough weather \(outdoor.rough.meanExpected), calm \(outdoor.calm.meanExpected)")
        // The scoreboard shows it, noisily: 1.5 points fewer a game on these ten seasons (1.8 expected), against a
        // standard error near 0.9.
        #expect(
            outdoor.rough.meanScored < outdoor.calm.meanScored,
            "points scored in rough weather \(outdoor.rough.meanScored), calm \(outdoor.calm.meanScored)")
        // A dome's expected points do not depend on the weather outside.
        #expect(
            abs(indoor.rough.meanExpected / indoor.calm.meanExpected - 1) < 0.005,
            "indoors: rough \(indoor.rough.meanExpected), calm \(indoor.calm.meanExpected)")
    }
}
