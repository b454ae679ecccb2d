/// The mean of a sample and the standard error of that mean (the sample standard deviation over √n), as the pooled
/// evaluation, the pick record and the close comparison report their per-game figures; both 0 without values, the
/// standard error 0 with one.
struct SampleMean: Sendable, Equatable {
    var mean: Double
    var standardError: Double

    init(_ values: [Double]) {
        let n = Double(values.count)
        mean = n > 0 ? values.reduce(0, +) / n : 0
        let mean = mean
        let variance = n > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        standardError = n > 0 ? (variance / n).squareRoot() : 0
    }
}
