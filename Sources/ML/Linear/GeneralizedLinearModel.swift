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
    /// The market prior whose per-row offset the model was fitted on top of; nil for a model without one (and for
    /// every model archived before priors existed).
    public let prior: MarketPrior?
    /// The dataset columns the design reads, by name, selected before it (nil: every column, in order).
    public let columns: [String]?
    /// True when ``columns`` enter as their sum, one design column (nil: each its own, as in every archive before).
    public let columnsSummed: Bool?

    /// A model from its parts.
    public init(
        family: LinearFamily, design: LinearDesign, coefficients: [Double], intercept: Double, prior: MarketPrior? = nil,
        columns: [String]? = nil, columnsSummed: Bool? = nil
    ) {
        self.family = family
        self.design = design
        self.coefficients = coefficients
        self.intercept = intercept
        self.prior = prior
        self.columns = columns
        self.columnsSummed = columnsSummed
    }

    /// What the design reads of `data`: the `columns` named, or their sum as one column named after them all.
    static func inputs(_ data: Dataset, columns: [String], summed: Bool) -> Dataset {
        let selected = data.selecting(columnsNamed: columns)
        guard summed else { return selected }
        var sum = [Float](repeating: 0, count: data.rowCount)
        for index in columns.indices {
            for (row, value) in selected.column(index).enumerated() where !value.isNaN { sum[row] += value }
        }
        return Dataset(columns: [sum], names: [columns.joined(separator: " + ")])
    }

    /// The linear predictor (log-odds for the binomial family) of every row, the prior's offset included.
    public func margins(_ data: Dataset) -> [Double] {
        margins(data, offsets: prior?.offsets(data))
    }

    /// The linear predictor with the given per-row offsets in place of the prior's.
    func margins(_ data: Dataset, offsets: [Double]?) -> [Double] {
        let x = design.matrix(columns.map { Self.inputs(data, columns: $0, summed: columnsSummed == true) } ?? data)
        let n = data.rowCount
        var eta = offsets.map { $0.map { $0 + intercept } } ?? [Double](repeating: intercept, count: n)
        for (j, beta) in coefficients.enumerated() where beta != 0 {
            for i in 0..<n { eta[i] += beta * x[j * n + i] }
        }
        return eta
    }

    /// Probabilities of class 1 (binomial) or predicted values (gaussian).
    public func predict(_ data: Dataset) -> [Double] {
        predict(data, offsets: prior?.offsets(data))
    }

    /// Predictions with the given per-row offsets in place of the prior's.
    func predict(_ data: Dataset, offsets: [Double]?) -> [Double] {
        let eta = margins(data, offsets: offsets)
        switch family {
        case .binomial: return eta.map { 1 / (1 + exp(-$0)) }
        case .gaussian: return eta
        }
    }
}
