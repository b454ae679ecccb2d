import Foundation
import Store

/// A batter's recent form as of a moment: the regression's inputs, from his games whose result was known
/// by then (start + `PlayerPropRepository.resultDelay`).
struct BatterForm: Sendable, Equatable {
    /// The feature names, in the order of `values`.
    static let names = [
        "hits_per_game_10", "plate_appearances_per_game_10", "hits_per_game_30", "plate_appearances_per_game_30",
        "season_hits_per_plate_appearance", "season_games",
    ]

    /// One value per name.
    var values: [Double]

    /// The form as of `asOf` from `games`, one batter's lines in start order; `nil` when none was known by then.
    init?(games: ArraySlice<BatterGameHits>, asOf: Date) {
        // Sorted by start, so the known games are a prefix.
        var known = games.startIndex
        while known < games.endIndex, games[known].scheduledAt.addingTimeInterval(PlayerPropRepository.resultDelay) <= asOf {
            known += 1
        }
        let past = games[games.startIndex..<known]
        guard !past.isEmpty else { return nil }
        func perGame(_ last: Int) -> (hits: Double, plateAppearances: Double) {
            let window = past.suffix(last)
            let count = Double(window.count)
            return (Double(window.reduce(0) { $0 + $1.hits }) / count, Double(window.reduce(0) { $0 + $1.plateAppearances }) / count)
        }
        let recent = perGame(10)
        let month = perGame(30)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let year = calendar.component(.year, from: asOf)
        let season = past.filter { calendar.component(.year, from: $0.gameDate) == year }
        let seasonPlateAppearances = season.reduce(0) { $0 + $1.plateAppearances }
        let seasonRate = seasonPlateAppearances > 0 ? Double(season.reduce(0) { $0 + $1.hits }) / Double(seasonPlateAppearances) : 0
        values = [recent.hits, recent.plateAppearances, month.hits, month.plateAppearances, seasonRate, Double(season.count)]
    }
}
