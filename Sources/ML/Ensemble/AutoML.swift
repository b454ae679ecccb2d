/// H2O AutoML's role: cross-validate a search over GBM, GLM, DRF and XRT hyperparameters within a model count and
/// a time budget, rank the models on a leaderboard, and add two stacked ensembles (all models, best of family)
/// whose non-negative GLM metalearner is fitted on the out-of-fold predictions.
public struct AutoML: Sendable {
    /// Limits and options.
    public var configuration: AutoMLConfiguration

    /// An AutoML run with the given configuration.
    public init(configuration: AutoMLConfiguration = AutoMLConfiguration()) {
        self.configuration = configuration
    }

    /// Runs the search on 0/1 labels; `folds` default to the configuration's ``AutoMLConfiguration/validation``
    /// scheme (walk-forward rows must be in time order).
    ///
    /// Each learner is ranked on its out-of-fold predictions; rows no fold validates (the first walk-forward block)
    /// are left out of its scores and of the stacked ensembles' metalearners.
    public func fit(_ data: Dataset, labels: [Double], folds: [Fold]? = nil) throws -> AutoMLResult {
        let config = configuration
        let clock = ContinuousClock()
        let start = clock.now
        let folds = folds ?? DataSplits.folds(config.validation, rowCount: data.rowCount, folds: config.folds, seed: config.seed, labels: labels)
        var search = HyperparameterSearch(families: config.families, seed: config.seed, leading: config.leadingLearners)
        var entries = [LeaderboardEntry]()
        var models = [String: TrainedModel]()
        var outOfFold = [String: [Double]]()
        var counters = [ModelFamily: Int]()
        func elapsed() -> Double { (clock.now - start).seconds }
        let priorProbabilities = config.prior?.probabilities(data)

        // Seconds per unit of `HyperparameterSearch.cost`, per family, measured on the models fitted so far.
        var secondsPerCost = [ModelFamily: Double]()
        var skipped = 0
        let budget = 0.9 * config.maxRuntimeSeconds
        while entries.count < config.maxModels && (entries.isEmpty || elapsed() < budget) && skipped < 100 {
            try CancellationToken.check()
            let learner = search.next().withThreads(config.threads)
            let cost = HyperparameterSearch.cost(of: learner)
            if let rate = secondsPerCost[learner.family], elapsed() + rate * cost > budget {
                // This learner would overrun the budget; a cheaper draw may still fit.
                skipped += 1
                continue
            }
            let modelStart = clock.now
            let cv = try CrossValidation.run(learner, data: data, labels: labels, folds: folds, prior: config.prior)
            let model = try learner.fit(data, labels: labels, prior: config.prior)
            let seconds = (clock.now - modelStart).seconds
            secondsPerCost[learner.family] = max(secondsPerCost[learner.family] ?? 0, seconds / cost)
            counters[learner.family, default: 0] += 1
            let name = "\(learner.family.rawValue.uppercased())_\(counters[learner.family]!)"
            entries.append(
                Self.entry(
                    name: name, learner: learner, outOfFold: cv.learnerOutOfFold, anchored: config.prior == nil ? nil : cv.outOfFold,
                    prior: priorProbabilities, labels: labels, seconds: seconds))
            models[name] = model
            outOfFold[name] = cv.outOfFold
        }

        if config.stackedEnsembles && entries.count >= 2 {
            let ranked = entries.sorted { config.sortMetric.ranks($0, above: $1) }
            var bestOfFamily = [LeaderboardEntry]()
            for entry in ranked where !bestOfFamily.contains(where: { $0.family == entry.family }) { bestOfFamily.append(entry) }
            for (name, members) in [("StackedEnsemble_AllModels", ranked), ("StackedEnsemble_BestOfFamily", bestOfFamily)] where members.count >= 2 {
                try CancellationToken.check()
                let ensembleStart = clock.now
                let predictions = members.map { outOfFold[$0.name]! }
                let stackedOutOfFold = try Self.crossValidatedMetalearner(predictions: predictions, labels: labels, folds: folds)
                let metalearner = try StackedEnsembleModel.fitMetalearner(outOfFold: predictions, labels: labels)
                models[name] = .stackedEnsemble(StackedEnsembleModel(baseModels: members.map { models[$0.name]! }, metalearner: metalearner))
                entries.append(
                    Self.entry(
                        name: name, learner: nil, outOfFold: stackedOutOfFold, prior: priorProbabilities, labels: labels,
                        seconds: (clock.now - ensembleStart).seconds))
                outOfFold[name] = stackedOutOfFold
            }
        }
        return AutoMLResult(leaderboard: entries.sorted { config.sortMetric.ranks($0, above: $1) }, models: models, outOfFold: outOfFold)
    }

    /// Out-of-fold predictions of the metalearner itself, so stacked ensembles are ranked on unseen rows too.
    private static func crossValidatedMetalearner(predictions: [[Double]], labels: [Double], folds: [Fold]) throws -> [Double] {
        var output = [Double](repeating: .nan, count: labels.count)
        for fold in folds {
            let train = fold.train.filter { row in predictions.allSatisfy { !$0[row].isNaN } }
            let validation = fold.validation.filter { row in predictions.allSatisfy { !$0[row].isNaN } }
            guard !train.isEmpty && !validation.isEmpty else { continue }
            let metalearner = try StackedEnsembleModel.fitMetalearner(outOfFold: predictions.map { p in train.map { p[$0] } }, labels: train.map { labels[$0] })
            let scored = metalearner.predict(StackedEnsembleModel.levelOne(predictions.map { p in validation.map { p[$0] } }))
            for (row, p) in zip(validation, scored) { output[row] = p }
        }
        return output
    }

    /// An entry scored on the rows with an out-of-fold prediction: `outOfFold` is what the learner itself predicted,
    /// `anchored` (with a prior) what it predicted anchored to the prior, `prior` the prior's probability of every row.
    private static func entry(
        name: String, learner: LearnerSpecification?, outOfFold: [Double], anchored: [Double]? = nil, prior: [Double]?,
        labels: [Double], seconds: Double
    ) -> LeaderboardEntry {
        let rows = outOfFold.indices.filter { !outOfFold[$0].isNaN }
        let y = rows.map { labels[$0] }
        let p = rows.map { outOfFold[$0] }
        let q = anchored.map { a in rows.map { a[$0] } }
        let market = prior.map { m in rows.map { m[$0] } }
        return LeaderboardEntry(
            name: name, family: learner?.family, learner: learner,
            auc: BinaryMetrics.auc(labels: y, scores: p), logLoss: BinaryMetrics.logLoss(labels: y, probabilities: p),
            brier: BinaryMetrics.brier(labels: y, probabilities: p),
            anchoredAUC: q.map { BinaryMetrics.auc(labels: y, scores: $0) }, anchoredLogLoss: q.map { BinaryMetrics.logLoss(labels: y, probabilities: $0) },
            priorAUC: market.map { BinaryMetrics.auc(labels: y, scores: $0) },
            priorLogLoss: market.map { BinaryMetrics.logLoss(labels: y, probabilities: $0) }, rows: rows.count, fitSeconds: seconds)
    }
}
