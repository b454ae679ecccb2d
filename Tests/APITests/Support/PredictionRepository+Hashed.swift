import Store

extension PredictionRepository {
    /// Stores `prediction` with the hash of its content, as the predict job does, so it verifies; its id.
    @discardableResult
    func insertHashed(_ prediction: Prediction) async throws -> Int? {
        var prediction = prediction
        prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
        return try await insert(prediction)
    }
}
