extension MetaEnsemble {
    /// Runs the guide's training pipeline on 0/1 labels: AutoML, the multi-layer stack and the voting ensemble are fitted
    /// on the training part, blended with weights chosen on a held-out validation part (`validationFraction` of the rows,
    /// stratified), and the blend is calibrated on that same validation part: with isotonic regression, as the guide
    /// prescribes, unless Platt scaling or no calibration has a lower log loss when cross-fitted on the validation rows
    /// (isotonic steps overfit small validation sets).
    ///
    /// With a `prior`, every learner of the three is fitted on top of it and anchored to it (it replaces the prior
    /// of `autoML`, `stack` and `voting`).
    ///
    /// `scheme` replaces the validation of `autoML` and `stack`. Under ``ValidationScheme/walkForward`` the rows must be in time order: the held-out part is the newest
    /// `validationFraction` of them, AutoML and the stack validate walk-forward, and calibration is cross-fitted
    /// walk-forward on the held-out rows.
    ///
    /// - Parameter validation: rows to hold out instead of a random stratified part (for example the latest days).
    public static func fit(
        _ data: Dataset, labels: [Double], autoML: AutoMLConfiguration = AutoMLConfiguration(),
        stack: StackConfiguration = StackConfiguration(), voting: SoftVotingEnsemble = SoftVotingEnsemble(),
        validationFraction: Double = 0.2, validation: [Int]? = nil, prior: MarketPrior? = nil, scheme: ValidationScheme = .shuffled,
        seed: UInt64 = 0
    ) throws -> MetaEnsembleResult {
        var autoML = autoML
        var stack = stack
        var voting = voting
        if let prior {
            autoML.prior = prior
            stack.prior = prior
            voting.prior = prior
        }
        autoML.validation = scheme
        stack.validation = scheme
        let holdout: [Int]
        if let validation {
            holdout = validation.sorted()
        } else if scheme == .walkForward {
            let count = max(1, Int((Double(data.rowCount) * validationFraction).rounded()))
            holdout = Array((data.rowCount - count)..<data.rowCount)
        } else {
            let folds = max(2, Int((1 / validationFraction).rounded()))
            holdout = DataSplits.kFold(rowCount: data.rowCount, folds: folds, seed: seed, stratifiedBy: labels)[0].validation
        }
        let held = Set(holdout)
        let training = (0..<data.rowCount).filter { !held.contains($0) }
        let trainData = data.selecting(rows: training)
        let trainLabels = training.map { labels[$0] }
        let validationData = data.selecting(rows: holdout)
        let validationLabels = holdout.map { labels[$0] }

        let autoMLResult = try AutoML(configuration: autoML).fit(trainData, labels: trainLabels)
        let stackModel = try MultiLayerStack(configuration: stack).fit(trainData, labels: trainLabels).model
        let votingModel = try voting.fit(trainData, labels: trainLabels)
        let members: [TrainedModel] = [autoMLResult.leader, .multiLayerStack(stackModel), .weightedEnsemble(votingModel)]
        let predictions = members.map { $0.predict(validationData) }
        let defaults = prior.map { Self.defaults(predictions: predictions, prior: $0.probabilities(validationData)) } ?? defaultWeights
        let weights = Self.weights(validationPredictions: predictions, labels: validationLabels, defaults: defaults)
        let blend = Self.combine(members: members, weights: weights)
        let blended = blend.predict(validationData)
        let calibration = CalibrationSelection.choose(scores: blended, labels: validationLabels, seed: seed, scheme: scheme)
        let model: TrainedModel =
            if let calibrator = calibration.calibrator {
                .calibrated(CalibratedModel(base: .weightedEnsemble(blend), calibrator: calibrator))
            } else {
                .weightedEnsemble(blend)
            }
        return MetaEnsembleResult(
            model: model,
            calibration: calibration.method,
            weights: weights,
            componentLogLoss: predictions.map { BinaryMetrics.logLoss(labels: validationLabels, probabilities: $0) },
            blendLogLoss: BinaryMetrics.logLoss(labels: validationLabels, probabilities: blended),
            leaderboard: autoMLResult.leaderboard)
    }
}
