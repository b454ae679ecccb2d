import Foundation
import Store
import Testing

/// A shadow period counts the games the model is judged on: those paired with the champion's forecasts when it
/// replaces one, its own settled games when there is none.
struct ShadowPeriodTests {
    static let comparison = ShadowComparison(
        forecasts: 9, shadow: ForecastQuality(probabilities: [0.6, 0.7, 0.4, 0.55, 0.5], outcomes: [true, true, false, false, true]),
        pairedShadow: ForecastQuality(probabilities: [0.6, 0.7], outcomes: [true, true]),
        pairedChampion: ForecastQuality(probabilities: [0.5, 0.6], outcomes: [true, true]))

    @Test func aModelReplacingAChampionIsJudgedOnThePairedGames() {
        let period = ShadowPeriod(comparison: Self.comparison, replacesChampion: true, requiredGames: 3)
        #expect(period.settledGames == 2 && !period.isComplete)
        #expect(ShadowPeriod(comparison: Self.comparison, replacesChampion: true, requiredGames: 2).isComplete)
    }

    @Test func aModelWithNoChampionIsJudgedOnItsOwnSettledGames() {
        let period = ShadowPeriod(comparison: Self.comparison, replacesChampion: false, requiredGames: 5)
        #expect(period.settledGames == 5 && period.isComplete)
        #expect(!ShadowPeriod(comparison: Self.comparison, replacesChampion: false, requiredGames: 6).isComplete)
    }

    @Test func noGamesRequiredIsCompleteAtOnce() {
        let empty = ShadowComparison(
            forecasts: 0, shadow: ForecastQuality(probabilities: [], outcomes: []), pairedShadow: ForecastQuality(probabilities: [], outcomes: []),
            pairedChampion: ForecastQuality(probabilities: [], outcomes: []))
        #expect(ShadowPeriod(comparison: empty, replacesChampion: true, requiredGames: 0).isComplete)
        #expect(ShadowPeriod(comparison: empty, replacesChampion: true, requiredGames: -4).requiredGames == 0)
    }
}
