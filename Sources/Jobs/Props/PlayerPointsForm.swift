import Foundation
import Store

/// An NBA player's recent scoring as of a moment: the player-points regression's inputs, from his games whose
/// result was known by then (start + `PlayerPropRepository.resultDelay`). Games he sat out count for nothing; they
/// are not zeros, since his props would have been void.
struct PlayerPointsForm: Sendable, Equatable {
    /// The feature names, in the order of `values`.
    static let names = [
        "points_per_game_5", "points_per_game_15", "points_per_game_50", "minutes_per_game_5", "minutes_per_game_15", "games_50",
    ]

    /// One value per name.
    var values: [Double]

    /// The form as of `asOf` from `games`, one player's lines in start order; `nil` when he played none known by then.
    init?(games: ArraySlice<PlayerGamePoints>, asOf: Date) {
        var known = games.startIndex
        while known < games.endIndex, games[known].scheduledAt.addingTimeInterval(PlayerPropRepository.resultDelay) <= asOf {
            known += 1
        }
        let played = games[games.startIndex..<known].filter { !$0.didNotPlay && $0.points != nil }
        guard !played.isEmpty else { return nil }
        func perGame(_ last: Int) -> (points: Double, minutes: Double) {
            let window = played.suffix(last)
            let count = Double(window.count)
            return (
                Double(window.reduce(0) { $0 + ($1.points ?? 0) }) / count, Double(window.reduce(0) { $0 + ($1.minutes ?? 0) }) / count
            )
        }
        let (five, fifteen, fifty) = (perGame(5), perGame(15), perGame(50))
        values = [five.points, fifteen.points, fifty.points, five.minutes, fifteen.minutes, Double(min(50, played.count))]
    }
}
