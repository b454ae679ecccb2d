#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A fitted elastic-net GLM on standardized inputs.
public struct GeneralizedLinearModel: Sendable, Equatable, Codable {
    /// Logistic or linear.
    public let family: LinearFamily
    /// How raw features become design columns.
    public let design: LinearDesign
    /// One coefficient per design column, on the standardized scale.
    public let coefficients: [Double]
    /// The intercept.
    public let intercept: Double

    /// The linear predictor (log-odds for the binomial family) of every row.
    public func margins(_ data: Dataset) -> [Double] {
        let x = design.matrix(data)
        let n = data.rowCount
        var eta = [Double](repeating: intercept, count: n)
        for (j, beta) in coefficients.enumerated() where beta != 0 {
            for i in 0..<n { eta[i] += beta * x[j * n + i] }
        }
        return eta
    }

    /// Probabilities of class 1 (binomial) or predicted values (gaussian).
    public func predict(_ data: Dataset) -> [Double] {
        let eta = margins(data)
        switch family {
        case .binomial: return eta.map { 1 / (1 + exp(-$0)) }
        case .gaussian: return eta
        }
    }
}
