/// Cross-validation splits: shuffled (optionally stratified) k-fold, and walk-forward splits in time order.
public enum DataSplits {
    /// The folds of `scheme`: stratified, shuffled k-fold, or `folds` expanding windows over the rows in time order
    /// (cut at `times` when given, at row positions otherwise; rows must then already be in time order).
    public static func folds(
        _ scheme: ValidationScheme, rowCount: Int, folds k: Int, seed: UInt64 = 0, labels: [Double]? = nil, times: [Double]? = nil
    ) -> [Fold] {
        switch scheme {
        case .shuffled:
            return kFold(rowCount: rowCount, folds: k, seed: seed, stratifiedBy: labels)
        case .walkForward:
            precondition(times == nil || times!.count == rowCount, "one time per row")
            return walkForward(times: times ?? (0..<rowCount).map(Double.init), folds: k)
        }
    }

    /// `k` folds; every row is validated exactly once. With `labels`, each fold gets the same class balance.
    public static func kFold(rowCount: Int, folds k: Int, seed: UInt64 = 0, stratifiedBy labels: [Double]? = nil) -> [Fold] {
        precondition(k >= 2 && rowCount >= k, "need at least 2 folds and one row per fold")
        var random = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: rowCount)
        let groups: [[Int]]
        if let labels {
            groups = [labels.indices.filter { labels[$0] > 0.5 }, labels.indices.filter { labels[$0] <= 0.5 }]
        } else {
            groups = [Array(0..<rowCount)]
        }
        var offset = 0
        for var group in groups {
            group.shuffle(using: &random)
            // Continue the round-robin across groups so fold sizes stay within one row of each other.
            for (i, row) in group.enumerated() { assignment[row] = (i + offset) % k }
            offset += group.count
        }
        return (0..<k).map { fold in
            Fold(train: (0..<rowCount).filter { assignment[$0] != fold }, validation: (0..<rowCount).filter { assignment[$0] == fold })
        }
    }

    /// Walk-forward splits with temporal isolation: rows sorted by `times` are cut into `folds + 1` blocks of equal
    /// size; fold `i` trains on everything up to block `i` and validates on block `i + 1`, leaving out validation rows
    /// less than `gap` (in the units of `times`) after the last training time, so no validation row sits next to training data.
    ///
    /// Rows with equal times always fall on the same side of a cut.
    public static func walkForward(times: [Double], folds: Int, gap: Double = 0) -> [Fold] {
        precondition(folds >= 1 && times.count > folds, "need more rows than folds")
        let order = times.indices.sorted { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
        let blockSize = Double(order.count) / Double(folds + 1)
        var result = [Fold]()
        for fold in 0..<folds {
            let cutTime = times[order[Int(blockSize * Double(fold + 1)) - 1]]
            let endPosition = min(order.count, Int(blockSize * Double(fold + 2)))
            let endTime = times[order[endPosition - 1]]
            let train = order.filter { times[$0] <= cutTime }.sorted()
            let validation = order.filter { times[$0] > cutTime + gap && times[$0] <= endTime }.sorted()
            if !train.isEmpty && !validation.isEmpty { result.append(Fold(train: train, validation: validation)) }
        }
        return result
    }
}
