import Foundation
import Store

/// Starting-pitcher sightings indexed for point-in-time questions: who was announced for a game's team before
/// a time, and which games a pitcher was the announced starter of, as known then.
struct StarterHistory: Sendable {
    /// Per game, its sightings in the order they were first seen.
    private let byGame: [Int: [GameStarter]]
    /// Per athlete, the sightings naming him, in the order they were first seen.
    private let byAthlete: [String: [GameStarter]]

    init(_ sightings: [GameStarter]) {
        let ordered = sightings.sorted { $0.firstSeenAt < $1.firstSeenAt }
        byGame = Dictionary(grouping: ordered, by: \.gameID)
        byAthlete = Dictionary(grouping: ordered, by: \.athleteID)
    }

    /// The pitcher announced for `teamID` in `gameID` as known before `asOf`: the newest sighting first seen by then.
    func starter(gameID: Int, teamID: Int, asOf: Date) -> GameStarter? {
        byGame[gameID]?.last { $0.teamID == teamID && $0.firstSeenAt < asOf }
    }

    /// The (game, team) pairs `athleteID` was the announced starter of as known before `asOf`: a game he was
    /// announced for but replaced in before `asOf` is not his.
    func starts(of athleteID: String, asOf: Date) -> [(gameID: Int, teamID: Int)] {
        var seen = Set<[Int]>()
        var starts: [(gameID: Int, teamID: Int)] = []
        for sighting in byAthlete[athleteID] ?? [] where sighting.firstSeenAt < asOf {
            guard seen.insert([sighting.gameID, sighting.teamID]).inserted,
                starter(gameID: sighting.gameID, teamID: sighting.teamID, asOf: asOf)?.athleteID == athleteID
            else { continue }
            starts.append((sighting.gameID, sighting.teamID))
        }
        return starts
    }
}
