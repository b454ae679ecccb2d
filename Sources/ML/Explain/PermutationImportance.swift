/// Model-agnostic feature importance: how much a metric worsens when one feature's values are shuffled.
public enum PermutationImportance {
    /// The mean drop in AUC (and rise in log loss) over `repeats` shuffles of each feature.
    public struct Result: Sendable, Equatable {
        /// Mean AUC lost per feature (larger is more important).
        public let aucDrop: [Double]
        /// Mean log loss gained per feature.
        public let logLossRise: [Double]
    }

    /// Shuffles each column of `data` in turn (with a seeded generator) and re-scores `predict`.
    public static func compute(
        data: Dataset, labels: [Double], repeats: Int = 3, seed: UInt64 = 0,
        predict: (Dataset) -> [Double]
    ) -> Result {
        let baseline = predict(data)
        let baseAUC = BinaryMetrics.auc(labels: labels, scores: baseline)
        let baseLogLoss = BinaryMetrics.logLoss(labels: labels, probabilities: baseline)
        var random = SplitMix64(seed: seed)
        var aucDrop = [Double](repeating: 0, count: data.columnCount)
        var logLossRise = [Double](repeating: 0, count: data.columnCount)
        // One working copy: each column is shuffled in place, scored, then restored from the original.
        var values = data.values
        for column in 0..<data.columnCount {
            let offset = column * data.rowCount
            for _ in 0..<max(1, repeats) {
                var permutation = Array(0..<data.rowCount)
                permutation.shuffle(using: &random)
                for (row, source) in permutation.enumerated() { values[offset + row] = data.values[offset + source] }
                let p = predict(Dataset(rowCount: data.rowCount, values: values, names: data.names, kinds: data.kinds))
                aucDrop[column] += baseAUC - BinaryMetrics.auc(labels: labels, scores: p)
                logLossRise[column] += BinaryMetrics.logLoss(labels: labels, probabilities: p) - baseLogLoss
            }
            for row in 0..<data.rowCount { values[offset + row] = data.values[offset + row] }
            aucDrop[column] /= Double(max(1, repeats))
            logLossRise[column] /= Double(max(1, repeats))
        }
        return Result(aucDrop: aucDrop, logLossRise: logLossRise)
    }
}
