/// The bins of one feature: value bins `0..<count`, plus ``QuantileBinner/missingBin`` for missing values.
public struct FeatureBins: Sendable, Equatable, Codable {
    /// For a numerical feature, the inclusive upper bound of each bin, ascending, the last one +infinity.
    /// A value falls in the first bin whose bound is at least the value. Empty for a categorical feature.
    public let upperBounds: [Float]
    /// Whether bins are category codes rather than value ranges.
    public let isCategorical: Bool
    /// The number of value bins (at most 255).
    public let count: Int

    init(upperBounds: [Float]) {
        self.upperBounds = upperBounds
        self.isCategorical = false
        self.count = upperBounds.count
    }

    init(categoryCount: Int) {
        self.upperBounds = []
        self.isCategorical = true
        self.count = max(1, min(categoryCount, Int(QuantileBinner.missingBin)))
    }

    /// The bin of a raw value: NaN, and category codes beyond the 255th, go to the missing bin.
    @inline(__always)
    public func bin(_ value: Float) -> UInt8 {
        if value.isNaN { return QuantileBinner.missingBin }
        if isCategorical {
            return value >= 0 && value < Float(count) ? UInt8(value) : QuantileBinner.missingBin
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
