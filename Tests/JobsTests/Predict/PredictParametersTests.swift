import Foundation
import Jobs
import Testing

/// `predict`'s payload: a horizon of up to a week, and on demand up to 1,000 positive game ids, named as the queue
/// contract's payloads are.
@Suite struct PredictParametersTests {
    @Test func gameIDsAndHorizonAreChecked() throws {
        try Predict(sport: "nba", horizonHours: 168, gameIDs: [1, 2]).validate()
        #expect(throws: (any Error).self) { try Predict(gameIDs: []).validate() }
        #expect(throws: (any Error).self) { try Predict(gameIDs: [0]).validate() }
        #expect(throws: (any Error).self) { try Predict(gameIDs: Array(1...1_001)).validate() }
        #expect(throws: (any Error).self) { try Predict(horizonHours: 169).validate() }
        let decoded = try JSONDecoder().decode(Predict.self, from: Data(#"{"sport":"nba","gameIDs":[7,9]}"#.utf8))
        #expect(decoded.gameIDs == [7, 9])
    }
}
