import Foundation
import Store
import Testing

/// The canonical content and hash are a contract: stored hashes must keep verifying, so both are pinned.
struct PredictionFingerprintTests {
    @Test func canonicalContentAndHashArePinned() {
        let prediction = Prediction(
            gameID: 42, modelID: 7, sport: "nba", betType: .spread, selection: "home", line: -3.5, probability: 0.55,
            componentProbabilities: ["glm": 0.55, "gbm": 0.57], price: 1.91, edge: 0.0361, tier: .a, stake: 0.0125,
            predictionHash: "")
        #expect(
            PredictionFingerprint.canonicalContent(of: prediction)
                == #"{"bet_type":"spread","component_probabilities":{"gbm":0.57,"glm":0.55},"edge":0.0361,"game_id":42,"line":-3.5,"model_id":7,"price":1.91,"probability":0.55,"selection":"home","sport":"nba","stake":0.0125,"tier":"A"}"#
        )
        #expect(PredictionFingerprint.hash(of: prediction) == "3e1c70dde9e2e614290e28c8840b0a23bea03d0b20b3839c15299ba4f2da6531")
    }

    @Test func absentOptionalsAreNullAndTextIsEscaped() {
        let prediction = Prediction(
            gameID: 1, modelID: 2, sport: "nfl", betType: .moneyline, selection: "a\"b\\c\n", probability: 0.5, edge: 0.00001,
            tier: .d, stake: 0, predictionHash: "")
        #expect(
            PredictionFingerprint.canonicalContent(of: prediction)
                == #"{"bet_type":"moneyline","component_probabilities":{},"edge":1e-05,"game_id":1,"line":null,"model_id":2,"price":null,"probability":0.5,"selection":"a\"b\\c\n","sport":"nfl","stake":0.0,"tier":"D"}"#
        )
        #expect(PredictionFingerprint.hash(of: prediction) == "a529a6211189820e45b35050df6ba16a370b0bb1d7be3ecb84d55ceaeaae156c")
    }

    @Test func fieldsSetAfterPredictionDoNotChangeTheHash() {
        var prediction = Prediction(
            gameID: 3, modelID: 4, sport: "mlb", betType: .total, selection: "over", line: 8.5, probability: 0.6, price: 2.0,
            edge: 0.1, tier: .a, stake: 0.05, predictionHash: "")
        let before = PredictionFingerprint.hash(of: prediction)
        prediction.status = .settled
        prediction.result = .win
        prediction.clv = 0.02
        prediction.profit = 0.05
        #expect(PredictionFingerprint.hash(of: prediction) == before)
        prediction.price = 2.02
        #expect(PredictionFingerprint.hash(of: prediction) != before)
    }

    @Test func version2AlsoCoversThePickItsBookAndThePublication() {
        var prediction = Prediction(
            gameID: 42, modelID: 7, sport: "nba", betType: .moneyline, selection: "away", probability: 0.47, price: 2.3, edge: 0.0352,
            tier: .c, stake: 0.004, pick: true, bookmaker: "pinnacle", publication: .gameDay,
            publishedAt: Date(timeIntervalSince1970: 1_772_377_200.75), hashVersion: 2, predictionHash: "")
        #expect(
            PredictionFingerprint.canonicalContent(of: prediction)
                == #"{"bet_type":"moneyline","bookmaker":"pinnacle","component_probabilities":{},"edge":0.0352,"game_id":42,"hash_version":2,"line":null,"model_id":7,"pick":true,"price":2.3,"probability":0.47,"publication":"game_day","published_at":"2026-03-01T15:00:00Z","selection":"away","sport":"nba","stake":0.004,"tier":"C"}"#
        )
        let published = PredictionFingerprint.hash(of: prediction)
        let changes: [(inout Prediction) -> Void] = [
            { $0.pick = false }, { $0.bookmaker = "soft" }, { $0.publication = .open },
            { $0.publishedAt = $0.publishedAt?.addingTimeInterval(60) },
        ]
        for change in changes {
            var changed = prediction
            change(&changed)
            #expect(PredictionFingerprint.hash(of: changed) != published)
        }
        // Version 1 rows (stored before picks) keep verifying under version 1's content.
        prediction.hashVersion = 1
        #expect(!PredictionFingerprint.canonicalContent(of: prediction).contains("pick"))
    }
}
