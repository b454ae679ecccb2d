/// Greedy ensemble selection with replacement (Caruana et al. 2004), as AutoGluon's weighted ensemble:
/// repeatedly add the model whose inclusion most lowers the log loss of the running average.
public enum CaruanaSelection {
    /// Weights (summing to 1) over the models whose predictions are given, after `iterations` greedy additions.
    ///
    /// - Parameter predictions: one array of probabilities per model, over the same labelled rows.
    public static func weights(predictions: [[Double]], labels: [Double], iterations: Int = 25) -> [Double] {
        precondition(!predictions.isEmpty && predictions.allSatisfy { $0.count == labels.count })
        var counts = [Int](repeating: 0, count: predictions.count)
        var sum = [Double](repeating: 0, count: labels.count)
        for step in 1...max(1, iterations) {
            var bestModel = 0
            var bestLoss = Double.infinity
            for (m, p) in predictions.enumerated() {
                let average = zip(sum, p).map { ($0 + $1) / Double(step) }
                let loss = BinaryMetrics.logLoss(labels: labels, probabilities: average)
                if loss < bestLoss {
                    bestLoss = loss
                    bestModel = m
                }
            }
            counts[bestModel] += 1
            for i in sum.indices { sum[i] += predictions[bestModel][i] }
        }
        let total = Double(counts.reduce(0, +))
        return counts.map { Double($0) / total }
    }
}
