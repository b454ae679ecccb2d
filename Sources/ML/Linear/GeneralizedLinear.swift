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
    public func fit(_ data: Dataset, labels: [Double]) -> GeneralizedLinearModel {
        precondition(labels.count == data.rowCount, "one label per row")
        guard configuration.lambdaSearch, data.rowCount >= 50 else { return fitFixed(data, labels: labels) }
        var chosen = configuration
        chosen.lambdaSearch = false
        chosen.lambda = searchLambda(data, labels: labels)
        return GeneralizedLinear(configuration: chosen).fitFixed(data, labels: labels)
    }

    /// The λ of the path with the lowest loss on every fifth row, fitted on the others.
    private func searchLambda(_ data: Dataset, labels: [Double]) -> Double {
        let held = Array(stride(from: 4, to: data.rowCount, by: 5))
        let heldSet = Set(held)
        let fitRows = (0..<data.rowCount).filter { !heldSet.contains($0) }
        let fitData = data.selecting(rows: fitRows)
        let fitLabels = fitRows.map { labels[$0] }
        let heldData = data.selecting(rows: held)
        let heldLabels = held.map { labels[$0] }
        // The smallest λ that keeps every coefficient at zero: max |xⱼ·(y − ȳ)| / (n·α) on the standardized design.
        let design = LinearDesign(fitting: fitData)
        let x = design.matrix(fitData)
        let n = fitData.rowCount
        let mean = fitLabels.reduce(0, +) / Double(max(1, n))
        var largest = 0.0
        for j in 0..<design.columns.count {
            var dot = 0.0
            for i in 0..<n { dot += x[j * n + i] * (fitLabels[i] - mean) }
            largest = max(largest, abs(dot) / Double(n))
        }
        let maximum = max(largest / max(configuration.alpha, 0.01), 1e-6)
        var best = (lambda: configuration.lambda, loss: Double.infinity)
        for step in 0..<12 {
            var config = configuration
            config.lambdaSearch = false
            config.lambda = maximum * pow(1e-3, Double(step) / 11)
            let model = GeneralizedLinear(configuration: config).fitFixed(fitData, labels: fitLabels)
            let predictions = model.predict(heldData)
            let loss =
                config.family == .binomial
                ? BinaryMetrics.logLoss(labels: heldLabels, probabilities: predictions)
                : zip(heldLabels, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, held.count))
            if loss < best.loss { best = (config.lambda, loss) }
        }
        return best.lambda
    }

    private func fitFixed(_ data: Dataset, labels: [Double]) -> GeneralizedLinearModel {
        let config = configuration
        let design = LinearDesign(fitting: data)
        let x = design.matrix(data)
        let n = data.rowCount
        let p = design.columns.count
        let mean = labels.reduce(0, +) / Double(max(1, n))
        var beta = [Double](repeating: 0, count: p)
        var intercept: Double
        switch config.family {
        case .binomial:
            let clipped = min(max(mean, 1e-6), 1 - 1e-6)
            intercept = log(clipped / (1 - clipped))
        case .gaussian:
            intercept = mean
        }
        let l1 = config.lambda * config.alpha
        let l2 = config.lambda * (1 - config.alpha)
        var eta = [Double](repeating: intercept, count: n)
        var weights = [Double](repeating: 1, count: n)
        var response = labels
        let outerIterations = config.family == .binomial ? config.maxIterations : 1

        for _ in 0..<outerIterations {
            if config.family == .binomial {
                for i in 0..<n {
                    let prob = 1 / (1 + exp(-eta[i]))
                    let w = max(prob * (1 - prob), 1e-5)
                    weights[i] = w
                    response[i] = eta[i] + (labels[i] - prob) / w
                }
            }
            // Residuals of the weighted least-squares problem at the current coefficients.
            var residual = (0..<n).map { response[$0] - eta[$0] }
            let weightSum = weights.reduce(0, +)
            var curvature = [Double](repeating: 0, count: p)
            for j in 0..<p {
                var s = 0.0
                for i in 0..<n { s += weights[i] * x[j * n + i] * x[j * n + i] }
                curvature[j] = s / Double(n)
            }
            var outerChange = 0.0
            for _ in 0..<1_000 {
                var largest = 0.0
                let shift = zip(weights, residual).reduce(0) { $0 + $1.0 * $1.1 } / weightSum
                intercept += shift
                for i in 0..<n { residual[i] -= shift }
                largest = max(largest, abs(shift))
                for j in 0..<p where curvature[j] > 0 {
                    var gradient = 0.0
                    for i in 0..<n { gradient += weights[i] * x[j * n + i] * residual[i] }
                    gradient /= Double(n)
                    let z = gradient + curvature[j] * beta[j]
                    var updated = Self.softThreshold(z, l1) / (curvature[j] + l2)
                    if config.nonNegative { updated = max(0, updated) }
                    let delta = updated - beta[j]
                    if delta != 0 {
                        for i in 0..<n { residual[i] -= delta * x[j * n + i] }
                        beta[j] = updated
                        largest = max(largest, abs(delta))
                    }
                }
                outerChange = max(outerChange, largest)
                if largest < config.tolerance { break }
            }
            for i in 0..<n { eta[i] = response[i] - residual[i] }
            if outerChange < config.tolerance { break }
        }
        return GeneralizedLinearModel(family: config.family, design: design, coefficients: beta, intercept: intercept)
    }

    private static func softThreshold(_ z: Double, _ gamma: Double) -> Double {
        if z > gamma { return z - gamma }
        if z < -gamma { return z + gamma }
        return 0
    }
}
