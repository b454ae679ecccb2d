import Foundation

/// One finished game from one team's side: the unit of the featurizer's per-team history.
struct TeamResult: Sendable, Equatable {
    var gameID: Int
    var scheduledAt: Date
    var season: Int?
    var opponent: Int
    var isHome: Bool
    var isNeutralSite: Bool
    /// The team whose venue the game was played at (the home team).
    var venueTeam: Int
    var pointsFor: Int
    var pointsAgainst: Int
    /// Baseball: the innings played, when the line score was stored.
    var innings: Int? = nil
    /// How far the market moved toward this team from the open to the close: its no-vig log-odds of winning at the
    /// last prices before the start minus at the first (``TeamLineMoves``); `nil` without both.
    var lineMove: Double? = nil

    var margin: Int { pointsFor - pointsAgainst }
    var isWin: Bool { pointsFor > pointsAgainst }
}

extension Collection where Element == TeamResult {
    func mean(_ value: (TeamResult) -> Double) -> Double? {
        isEmpty ? nil : reduce(0) { $0 + value($1) } / Double(count)
    }
}
