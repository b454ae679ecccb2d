/// How one internal node sends a row left or right.
struct SplitRule: Sendable, Equatable {
    /// The feature (dataset column) the node tests.
    var feature: Int
    /// Numerical split: bins `0...thresholdBin` go left.
    var thresholdBin: UInt8
    /// Numerical split: raw values `<= threshold` go left (the upper bound of `thresholdBin`).
    var threshold: Float
    /// Where missing values (NaN) go.
    var defaultLeft: Bool
    /// Categorical split: the category codes (bins) that go left, as a 256-bit set; `nil` for a numerical split.
    var categories: SIMD4<UInt64>?

    /// Whether a binned value goes to the left child.
    @inline(__always)
    func goesLeft(bin: UInt8) -> Bool {
        if bin == QuantileBinner.missingBin { return defaultLeft }
        if let categories { return categories[Int(bin >> 6)] >> UInt64(bin & 63) & 1 == 1 }
        return bin <= thresholdBin
    }
}
