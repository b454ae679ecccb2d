#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Elastic-net generalized linear models fitted by cyclic coordinate descent (glmnet's algorithm), inside
/// iteratively reweighted least squares for the logistic family.
public struct GeneralizedLinear: Sendable {
    /// The hyperparameters.
    public var configuration: GeneralizedLinearConfiguration

    /// A learner with the given hyperparameters.
    public init(configuration: GeneralizedLinearConfiguration = GeneralizedLinearConfiguration()) {
        self.configuration = configuration
    }

    /// Fits the model, minimizing `loss/n + λ(α|β|₁ + (1−α)/2 |β|₂²)` over standardized inputs (intercept unpenalized);
    /// with `lambdaSearch`, first chooses λ on held-out rows.
    ///
    /// With a `prior`, the linear predictor is the prior's per-row offset plus the model (an offset term, as in
    /// glmnet's `offset`), so the coefficients describe only what the prior misses and a penalty strong enough to
    /// zero them leaves the prior and an intercept. The model keeps the prior and adds it when it predicts.
    ///
    /// With ``GeneralizedLinearConfiguration/columns``, the model reads only those of them `data` has (the prior
    /// still reads its own columns), summed into one with ``GeneralizedLinearConfiguration/sumsColumns``.
    public func fit(_ data: Dataset, labels: [Double], prior: MarketPrior? = nil) throws -> GeneralizedLinearModel {
        precondition(labels.count == data.rowCount, "one label per row")
        let offsets = prior?.offsets(data) ?? [Double](repeating: 0, count: data.rowCount)
        let columns = configuration.columns?.filter(data.names.contains)
        let data = columns.map { GeneralizedLinearModel.inputs(data, columns: $0, summed: configuration.sumsColumns) } ?? data
        guard configuration.lambdaSearch, data.rowCount >= 50 else {
            return try fitFixed(data, labels: labels, offsets: offsets, prior: prior, columns: columns)
        }
        var chosen = configuration
        chosen.lambdaSearch = false
        chosen.lambda = try searchLambda(data, labels: labels, offsets: offsets)
        return try GeneralizedLinear(configuration: chosen).fitFixed(data, labels: labels, offsets: offsets, prior: prior, columns: columns)
    }

    /// The λ of the path with the lowest loss on every fifth row, fitted on the others.
    private func searchLambda(_ data: Dataset, labels: [Double], offsets: [Double]) throws -> Double {
        let held = Array(stride(from: 4, to: data.rowCount, by: 5))
        let heldSet = Set(held)
        let fitRows = (0..<data.rowCount).filter { !heldSet.contains($0) }
        let fitData = data.selecting(rows: fitRows)
        let fitLabels = fitRows.map { labels[$0] }
        let fitOffsets = fitRows.map { offsets[$0] }
        let heldData = data.selecting(rows: held)
        let heldLabels = held.map { labels[$0] }
        let heldOffsets = held.map { offsets[$0] }
        // The smallest λ that keeps every coefficient at zero: max |xⱼ·(y − μ₀)| / (n·α) on the standardized design,
        // where μ₀ is the null model's prediction (the offset and an intercept).
        let design = LinearDesign(fitting: fitData, centred: configuration.fitsIntercept)
        let x = design.matrix(fitData)
        let n = fitData.rowCount
        let null: [Double]
        switch configuration.family {
        case .binomial where !configuration.fitsIntercept:
            null = fitOffsets.map(MarketPrior.sigmoid)
        case .binomial:
            let intercept = MarketPrior.intercept(labels: fitLabels, offsets: fitOffsets)
            null = fitOffsets.map { MarketPrior.sigmoid($0 + intercept) }
        case .gaussian:
            let shift = configuration.fitsIntercept ? zip(fitLabels, fitOffsets).reduce(0) { $0 + $1.0 - $1.1 } / Double(max(1, n)) : 0
            null = fitOffsets.map { $0 + shift }
        }
        var largest = 0.0
        for j in 0..<design.columns.count {
            var dot = 0.0
            for i in 0..<n { dot += x[j * n + i] * (fitLabels[i] - null[i]) }
            largest = max(largest, abs(dot) / Double(n))
        }
        let maximum = max(largest / max(configuration.alpha, 0.01), 1e-6)
        var best = (lambda: configuration.lambda, loss: Double.infinity)
        // glmnet's warm start: each λ starts from the previous, larger one's solution, which is close. From zero the
        // small λs of a collinear design (a stack's layer of near-identical predictions) took thousands of sweeps.
        var start: GeneralizedLinearModel?
        for step in 0..<12 {
            var config = configuration
            config.lambdaSearch = false
            config.lambda = maximum * pow(1e-3, Double(step) / 11)
            let model = try GeneralizedLinear(configuration: config).fitFixed(
                fitData, labels: fitLabels, offsets: fitOffsets, prior: nil, design: design, matrix: x, start: start)
            start = model
            let predictions = model.predict(heldData, offsets: heldOffsets)
            let loss =
                config.family == .binomial
                ? BinaryMetrics.logLoss(labels: heldLabels, probabilities: predictions)
                : zip(heldLabels, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, held.count))
            if loss < best.loss { best = (config.lambda, loss) }
        }
        return best.lambda
    }

    /// Coordinate descent at the configured λ. `design` and its `matrix` may be passed when already built from `data`;
    /// `start`, a model fitted on the same design, is where the descent begins (else all coefficients at zero).
    private func fitFixed(
        _ data: Dataset, labels: [Double], offsets: [Double], prior: MarketPrior?, columns: [String]? = nil, design: LinearDesign? = nil,
        matrix: [Double]? = nil, start: GeneralizedLinearModel? = nil
    ) throws -> GeneralizedLinearModel {
        let config = configuration
        let design = design ?? LinearDesign(fitting: data, centred: config.fitsIntercept)
        let x = matrix ?? design.matrix(data)
        let n = data.rowCount
        let p = design.columns.count
        var beta = start?.coefficients ?? [Double](repeating: 0, count: p)
        var intercept = config.fitsIntercept ? start?.intercept ?? Self.nullIntercept(config.family, labels: labels, offsets: offsets) : 0
        let l1 = config.lambda * config.alpha
        let l2 = config.lambda * (1 - config.alpha)
        // η: the offset (never fitted), the intercept and, on a warm start, the starting coefficients.
        var eta = Self.linearPredictor(offsets: offsets, intercept: intercept, coefficients: beta, matrix: x)
        var weights = [Double](repeating: 1, count: n)
        var response = labels
        let outerIterations = config.family == .binomial ? config.maxIterations : 1

        for _ in 0..<outerIterations {
            try CancellationToken.check()
            if config.family == .binomial {
                for i in 0..<n {
                    let prob = 1 / (1 + exp(-eta[i]))
                    let w = max(prob * (1 - prob), 1e-5)
                    weights[i] = w
                    response[i] = eta[i] + (labels[i] - prob) / w
                }
            }
            // The weighted least-squares step in glmnet's covariance mode: with the columns and the working response
            // centred on their weighted means the intercept drops out, and each coordinate update costs O(p) on the
            // Gram matrix instead of O(n) on the residuals. A stack's collinear inputs (near-identical predictions)
            // need thousands of sweeps; at O(n) each they dominated training.
            let weightSum = weights.reduce(0, +)
            let target = (0..<n).map { response[$0] - offsets[$0] }
            // Without an intercept nothing is centred: the means stay 0 and the intercept with them.
            let targetMean = config.fitsIntercept ? zip(weights, target).reduce(0) { $0 + $1.0 * $1.1 } / weightSum : 0
            var columnMean = [Double](repeating: 0, count: p)
            var gram = [Double](repeating: 0, count: p * p)
            var covariance = [Double](repeating: 0, count: p)
            x.withUnsafeBufferPointer { x in
                for j in 0..<p where config.fitsIntercept {
                    var s = 0.0
                    for i in 0..<n { s += weights[i] * x[j * n + i] }
                    columnMean[j] = s / weightSum
                }
                for j in 0..<p {
                    var c = 0.0
                    for i in 0..<n { c += weights[i] * x[j * n + i] * target[i] }
                    covariance[j] = (c - weightSum * columnMean[j] * targetMean) / Double(n)
                    for k in j..<p {
                        var g = 0.0
                        for i in 0..<n { g += weights[i] * x[j * n + i] * x[k * n + i] }
                        let centred = (g - weightSum * columnMean[j] * columnMean[k]) / Double(n)
                        gram[j * p + k] = centred
                        gram[k * p + j] = centred
                    }
                }
            }
            // gradient[j] = covariance[j] − (G β)[j], kept current as coefficients move.
            var gradient = covariance
            for j in 0..<p where beta[j] != 0 {
                for k in 0..<p { gradient[k] -= gram[k * p + j] * beta[j] }
            }
            let previous = (beta, intercept)
            for _ in 0..<10_000 {
                var largest = 0.0
                for j in 0..<p where gram[j * p + j] > 0 {
                    let curvature = gram[j * p + j]
                    var updated = Self.softThreshold(gradient[j] + curvature * beta[j], l1) / (curvature + l2)
                    if config.nonNegative { updated = max(0, updated) }
                    let delta = updated - beta[j]
                    if delta != 0 {
                        for k in 0..<p { gradient[k] -= gram[k * p + j] * delta }
                        beta[j] = updated
                        largest = max(largest, abs(delta))
                    }
                }
                if largest < config.tolerance { break }
            }
            intercept = targetMean - zip(columnMean, beta).reduce(0) { $0 + $1.0 * $1.1 }
            eta = Self.linearPredictor(offsets: offsets, intercept: intercept, coefficients: beta, matrix: x)
            let outerChange = max(abs(intercept - previous.1), zip(beta, previous.0).reduce(0) { max($0, abs($1.0 - $1.1)) })
            if outerChange < config.tolerance { break }
        }
        return GeneralizedLinearModel(
            family: config.family, design: design, coefficients: beta, intercept: intercept, prior: prior, columns: columns,
            columnsSummed: columns != nil && config.sumsColumns ? true : nil)
    }

    /// η for every row: its offset, the intercept and the coefficients on the column-major standardized `matrix`.
    private static func linearPredictor(offsets: [Double], intercept: Double, coefficients: [Double], matrix: [Double]) -> [Double] {
        let n = offsets.count
        var eta = offsets.map { $0 + intercept }
        matrix.withUnsafeBufferPointer { x in
            for (j, beta) in coefficients.enumerated() where beta != 0 {
                for i in 0..<n { eta[i] += beta * x[j * n + i] }
            }
        }
        return eta
    }

    /// The intercept of the model without coefficients: the labels' log-odds (binomial) or mean (gaussian), given the offsets.
    private static func nullIntercept(_ family: LinearFamily, labels: [Double], offsets: [Double]) -> Double {
        let n = Double(max(1, labels.count))
        let mean = labels.reduce(0, +) / n
        switch family {
        case .binomial where offsets.allSatisfy({ $0 == 0 }):
            let clipped = min(max(mean, 1e-6), 1 - 1e-6)
            return log(clipped / (1 - clipped))
        case .binomial:
            return min(max(MarketPrior.intercept(labels: labels, offsets: offsets), -13.8), 13.8)
        case .gaussian:
            return mean - offsets.reduce(0, +) / n
        }
    }

    private static func softThreshold(_ z: Double, _ gamma: Double) -> Double {
        if z > gamma { return z - gamma }
        if z < -gamma { return z + gamma }
        return 0
    }
}
