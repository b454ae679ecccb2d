#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// H2O's stacked ensemble: base models' probabilities, as log-odds, fed to a non-negative logistic GLM.
public struct StackedEnsembleModel: Sendable, Equatable, Codable {
    /// The base models, each trained on all rows.
    public let baseModels: [TrainedModel]
    /// The metalearner over the base models' log-odds (one column per base model).
    public let metalearner: GeneralizedLinearModel

    /// The metalearner's probability for each row.
    public func predict(_ data: Dataset) -> [Double] {
        metalearner.predict(Self.levelOne(baseModels.map { $0.predict(data) }))
    }

    /// The metalearner's input: one log-odds column per base model.
    static func levelOne(_ predictions: [[Double]]) -> Dataset {
        Dataset(columns: predictions.map { $0.map { Float(PlattCalibrator.logit($0)) } })
    }

    /// Fits the non-negative GLM metalearner on out-of-fold predictions (one array per base model, rows with a NaN skipped).
    static func fitMetalearner(outOfFold: [[Double]], labels: [Double]) throws -> GeneralizedLinearModel {
        let rows = labels.indices.filter { row in outOfFold.allSatisfy { !$0[row].isNaN } }
        var config = GeneralizedLinearConfiguration()
        config.nonNegative = true
        config.lambda = 1e-4
        config.alpha = 0
        return try GeneralizedLinear(configuration: config).fit(
            levelOne(outOfFold.map { p in rows.map { p[$0] } }), labels: rows.map { labels[$0] })
    }
}
