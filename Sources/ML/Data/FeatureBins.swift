/// The bins of one feature: value bins `0..<count`, plus ``QuantileBinner/missingBin`` for missing values.
public struct FeatureBins: Sendable, Equatable, Codable {
    /// For a numerical feature, the inclusive upper bound of each bin, ascending, the last one +infinity.
    /// A value falls in the first bin whose bound is at least the value. Empty for a categorical feature.
    public let upperBounds: [Float]
    /// Whether bins are category codes rather than value ranges.
    public let isCategorical: Bool
    /// The number of value bins (at most 255).
    public let count: Int
    /// For a categorical feature, the codes binned with missing values (a bit per code, 64 to a word), as LightGBM
    /// pools the rarest categories of a feature into its "other" bin; nil when none are (and in archives that predate it).
    public let pooledCategoryWords: [UInt64]?

    init(upperBounds: [Float]) {
        self.upperBounds = upperBounds
        self.isCategorical = false
        self.count = upperBounds.count
        self.pooledCategoryWords = nil
    }

    init(categoryCount: Int, pooled: [Int] = []) {
        self.upperBounds = []
        self.isCategorical = true
        self.count = max(1, min(categoryCount, Int(QuantileBinner.missingBin)))
        var words = [UInt64](repeating: 0, count: 4)
        for code in pooled where code < self.count { words[code >> 6] |= 1 << UInt64(code & 63) }
        self.pooledCategoryWords = words.contains { $0 != 0 } ? words : nil
    }

    /// A categorical feature whose codes have `counts` rows (and `missing` rows no code), binned as LightGBM's
    /// `BinMapper` bins it: codes by descending count get a bin of their own until they cover 99% of the rows with a
    /// code and the bins (one for missing values among them, counted as LightGBM does) reach `maxBin` or the number
    /// of codes seen; the rest share the missing bin, so a category split never puts them in its left set.
    ///
    /// Without this, a rare level that LightGBM pools keeps its own bin here, joins the ordered categories of a node
    /// and shifts every `min_data_per_group` step after it: issue #21's categorical bench left parity at the fifth tree.
    init(categoryCounts counts: [Int], missing: Int, maxBin: Int) {
        // LightGBM's `min_data_in_bin` default: beyond the second category, a rarer one ends the list.
        let minDataInBin = 3
        let seen = counts.indices.filter { counts[$0] > 0 }
        let order = seen.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        let covered = Int((Float(counts.reduce(0, +)) * 0.99).rounded())
        let binLimit = min(seen.count + (missing > 0 ? 1 : 0), maxBin)
        var used = 0
        var bins = 1
        var kept = 0
        while kept < order.count && (used < covered || bins < binLimit) {
            if counts[order[kept]] < minDataInBin && kept > 1 { break }
            used += counts[order[kept]]
            bins += 1
            kept += 1
        }
        self.init(categoryCount: counts.count, pooled: Array(order[kept...]))
    }

    /// The bin of a raw value: NaN, pooled category codes and those beyond the 255th go to the missing bin.
    @inline(__always)
    public func bin(_ value: Float) -> UInt8 {
        if value.isNaN { return QuantileBinner.missingBin }
        if isCategorical {
            guard value >= 0 && value < Float(count) else { return QuantileBinner.missingBin }
            let code = Int(value)
            if let pooled = pooledCategoryWords, pooled[code >> 6] >> UInt64(code & 63) & 1 == 1 { return QuantileBinner.missingBin }
            return UInt8(code)
        }
        return upperBounds.withUnsafeBufferPointer { bounds in
            var low = 0
            var high = bounds.count - 1
            while low < high {
                let middle = (low + high) >> 1
                if value <= bounds[middle] { high = middle } else { low = middle + 1 }
            }
            return UInt8(truncatingIfNeeded: low)
        }
    }
}
