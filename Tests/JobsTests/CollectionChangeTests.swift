import Foundation
@testable import Jobs
import Testing

/// What a collection tells the caches it changed.
struct CollectionChangeTests {
    @Test func aRunNamesTheGamesItWroteAndARedeliveryEveryGame() {
        #expect(CollectionChange.after(sport: "nba", applied: true, written: [7, 3]) == CollectionChange(sport: "nba", gameIDs: [3, 7]))
        #expect(CollectionChange.after(sport: "nba", applied: true, written: []) == nil, "nothing written, nothing stale")
        // A redelivery wrote nothing itself, but an earlier attempt may have committed and failed before it said so.
        #expect(CollectionChange.after(sport: "mlb", applied: false, written: []) == CollectionChange(sport: "mlb", gameIDs: nil))
    }

    @Test func theStoredJobResultLeavesTheGameIDsOut() throws {
        var result = GamesCollection(applied: true, payloads: 1, newPayloads: 1, gamesWritten: 2)
        result.writtenGameIDs = [1, 2]
        let text = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(!text.contains("written_game_ids") && !text.contains("writtenGameIDs"), "\(text)")
        #expect(try JSONDecoder().decode(GamesCollection.self, from: Data(text.utf8)).writtenGameIDs.isEmpty)
    }
}
