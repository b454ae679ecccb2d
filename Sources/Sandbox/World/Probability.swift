import Foundation

/// The distributions the world's outcome models use.
enum Probability {
    /// The standard normal CDF.
    static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// P(X = k) for X ~ Poisson(lambda), for k in 0..<count.
    static func poissonPMF(_ lambda: Double, count: Int) -> [Double] {
        var pmf = [Double](repeating: 0, count: count)
        var p = exp(-lambda)
        for k in 0..<count {
            pmf[k] = p
            p *= lambda / Double(k + 1)
        }
        return pmf
    }
}
