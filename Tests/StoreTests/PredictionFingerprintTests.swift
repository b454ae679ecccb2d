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
}
