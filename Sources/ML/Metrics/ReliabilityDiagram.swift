/// Predicted against observed frequency in equal-width probability bins, and the calibration error they imply.
public struct ReliabilityDiagram: Sendable, Equatable, Codable {
    /// One probability bin.
    public struct Bin: Sendable, Equatable, Codable {
        /// Inclusive lower edge of the bin.
        public let lower: Double
        /// Upper edge (exclusive, except 1 for the last bin).
        public let upper: Double
        /// Rows whose probability falls in the bin.
        public let count: Int
        /// Mean predicted probability of those rows (NaN when empty).
        public let meanPredicted: Double
        /// Share of those rows whose label is 1 (NaN when empty).
        public let observedRate: Double
    }

    /// The bins, from low to high probability.
    public let bins: [Bin]
    /// `Σ count/n · |observed − predicted|` over the bins.
    public let expectedCalibrationError: Double
    /// The largest `|observed − predicted|` of a non-empty bin.
    public let maximumCalibrationError: Double

    /// Bins `probabilities` into `binCount` equal-width bins over [0, 1].
    public init(labels: [Double], probabilities: [Double], binCount: Int = 10) {
        precondition(labels.count == probabilities.count && binCount > 0)
        var counts = [Int](repeating: 0, count: binCount)
        var predicted = [Double](repeating: 0, count: binCount)
        var observed = [Double](repeating: 0, count: binCount)
        for (y, p) in zip(labels, probabilities) {
            let bin = min(binCount - 1, max(0, Int(p * Double(binCount))))
            counts[bin] += 1
            predicted[bin] += p
            observed[bin] += y
        }
        var bins = [Bin]()
        var ece = 0.0
        var mce = 0.0
        let total = Double(max(1, labels.count))
        for b in 0..<binCount {
            let n = Double(counts[b])
            let meanPredicted = counts[b] > 0 ? predicted[b] / n : .nan
            let observedRate = counts[b] > 0 ? observed[b] / n : .nan
            if counts[b] > 0 {
                let gap = abs(observedRate - meanPredicted)
                ece += n / total * gap
                mce = max(mce, gap)
            }
            bins.append(Bin(lower: Double(b) / Double(binCount), upper: Double(b + 1) / Double(binCount), count: counts[b], meanPredicted: meanPredicted, observedRate: observedRate))
        }
        self.bins = bins
        self.expectedCalibrationError = labels.isEmpty ? .nan : ece
        self.maximumCalibrationError = mce
    }
}
