import ArgumentParser
import Foundation
import ML

/// `aips ml train`: fits one learner on a CSV file and reports timings and metrics on another.
struct MLTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit a model on --train and print fit time, predict time, AUC, log loss, Brier and ECE on --test."
    )

    /// The learners the command can fit.
    enum ModelKind: String, ExpressibleByArgument, CaseIterable {
        case gbm, glm, drf, xrt, automl, stack, vote, meta
    }

    @Option(help: "Training CSV file (with a header line).")
    var train: String

    @Option(help: "Test CSV file with the same columns.")
    var test: String

    @Option(help: "Name of the 0/1 target column.")
    var target: String

    @Option(help: "Learner: \(ModelKind.allCases.map(\.rawValue).joined(separator: "|")).")
    var model: ModelKind = .gbm

    @Option(help: "Validation CSV for early stopping (default: none).")
    var valid: String?

    @Option(help: "Trees (boosting rounds or forest size).")
    var trees = 100

    @Option(help: "GBM: most leaves per tree.")
    var leaves = 31

    @Option(name: .customLong("learning-rate"), help: "GBM: shrinkage.")
    var learningRate = 0.1

    @Option(name: .customLong("max-depth"), help: "Deepest leaf; 0 for no limit.")
    var maxDepth = 0

    @Option(help: "GBM: L2 penalty on leaf values.")
    var lambda = 0.0

    @Option(name: .customLong("symmetric-depth"), help: "GBM: grow symmetric (oblivious, CatBoost's) trees of this many levels instead of leaf-wise ones; 0 for leaf-wise.")
    var symmetricDepth = 0

    @Option(name: .customLong("min-child-weight"), help: "GBM: least hessian sum per leaf.")
    var minChildWeight = 1e-3

    @Option(name: .customLong("min-data-in-leaf"), help: "GBM: least rows per leaf.")
    var minDataInLeaf = 20

    @Option(help: "Row subsample per tree.")
    var subsample = 1.0

    @Option(help: "Column subsample per tree.")
    var colsample = 1.0

    @Option(name: .customLong("max-bin"), help: "Most bins per feature.")
    var maxBin = 255

    @Option(name: .customLong("early-stopping"), help: "GBM: stop after this many rounds without validation improvement (needs --valid).")
    var earlyStopping = 0

    @Option(help: "GLM: elastic-net mix (1 lasso, 0 ridge).")
    var alpha = 0.5

    @Option(name: .customLong("glm-lambda"), help: "GLM: penalty strength.")
    var glmLambda = 1e-4

    @Option(help: "DRF/XRT: features per split; 0 for the square root of the feature count.")
    var mtry = 0

    @Option(name: .customLong("min-rows"), help: "DRF/XRT: least rows per leaf.")
    var minRows = 1

    @Option(name: .customLong("max-models"), help: "AutoML: most base models.")
    var maxModels = 20

    @Option(name: .customLong("max-runtime-secs"), help: "AutoML: time budget in seconds.")
    var maxRuntimeSecs = 60.0

    @Option(help: "AutoML/Stack: cross-validation (bagging) folds.")
    var folds = 5

    @Flag(name: .customLong("time-ordered"), help: "AutoML/Stack/meta: rows are in time order; validate walk-forward (expanding windows) instead of shuffled k-fold.")
    var timeOrdered = false

    @Option(help: "Stack: number of stack layers.")
    var layers = 2

    @Option(help: "Write the trained model to this file as a versioned archive (read by `aips ml predict`).")
    var save: String?

    @Option(help: "Threads; 0 uses every core.")
    var threads = 0

    @Option(help: "Random seed.")
    var seed: UInt64 = 0

    func run() throws {
        let loadStart = ContinuousClock.now
        let (trainData, trainLabels, targetLevels) = try load(train, schema: nil)
        let schema = (trainData.names, trainData.kinds)
        let (testData, testLabels, _) = try load(test, schema: schema, targetLevels: targetLevels)
        let validation = try valid.map { try load($0, schema: schema, targetLevels: targetLevels) }
        let loadTime = ContinuousClock.now - loadStart
        print("rows: train \(trainData.rowCount), test \(testData.rowCount), features \(trainData.columnCount); load \(seconds(loadTime)) s")

        let fitStart = ContinuousClock.now
        let fitCPUStart = processCPUSeconds()
        let predictor = try fit(trainData, labels: trainLabels, validation: validation.map { (data: $0.data, labels: $0.labels) })
        let fitTime = ContinuousClock.now - fitStart
        let fitCPU = processCPUSeconds() - fitCPUStart
        let predictStart = ContinuousClock.now
        let probabilities = predictor.predict(testData)
        let predictTime = ContinuousClock.now - predictStart

        let evaluation = BinaryEvaluation(labels: testLabels, probabilities: probabilities)
        print("model: \(model.rawValue) \(predictor.summary)")
        print("fit_seconds: \(seconds(fitTime))")
        print("fit_cpu_seconds: \(String(format: "%.3f", fitCPU))")
        print("predict_seconds: \(seconds(predictTime))")
        print("auc: \(format(evaluation.auc))")
        print("log_loss: \(format(evaluation.logLoss))")
        print("brier: \(format(evaluation.brier))")
        print("ece: \(format(evaluation.expectedCalibrationError))")
        print("accuracy: \(format(evaluation.accuracy))")
        if let save {
            var metadata = ["learner": model.rawValue, "target": target]
            // `aips ml predict` maps a text target's values to the labels the model learned.
            if let targetLevels { metadata[ModelArchive.targetLevelsKey] = ModelArchive.targetLevelsValue(targetLevels) }
            let archive = ModelArchive(model: predictor.model, trainedOn: trainData, metadata: metadata)
            let bytes = try archive.encoded()
            guard FileManager.default.createFile(atPath: save, contents: Data(bytes)) else {
                throw ValidationError("cannot write \(save)")
            }
            print("saved: \(save) (\(bytes.count) bytes)")
        }
    }

    /// A fitted model behind one prediction function, whatever its learner.
    struct Predictor {
        let summary: String
        /// The model as the library serializes it.
        let model: TrainedModel
        let predict: (Dataset) -> [Double]
    }

    private func fit(_ data: Dataset, labels: [Double], validation: (data: Dataset, labels: [Double])?) throws -> Predictor {
        switch model {
        case .gbm:
            var config = GradientBoostingConfiguration()
            config.treeCount = trees
            config.leafCount = leaves
            config.learningRate = learningRate
            config.maxDepth = maxDepth
            config.symmetricDepth = symmetricDepth > 0 ? symmetricDepth : nil
            config.l2Regularization = lambda
            config.minChildWeight = minChildWeight
            config.minDataInLeaf = minDataInLeaf
            config.rowSubsample = subsample
            config.columnSubsample = colsample
            config.maxBin = maxBin
            config.earlyStoppingRounds = earlyStopping
            config.threads = threads
            config.seed = seed
            let fitted = try GradientBoosting(configuration: config).fit(data, labels: labels, validation: validation)
            return Predictor(summary: "(\(fitted.trees.count) trees)", model: .gradientBoosting(fitted)) { fitted.predict($0, threads: threads) }
        case .glm:
            var config = GeneralizedLinearConfiguration()
            config.alpha = alpha
            config.lambda = glmLambda
            let fitted = try GeneralizedLinear(configuration: config).fit(data, labels: labels)
            let nonZero = fitted.coefficients.filter { $0 != 0 }.count
            return Predictor(summary: "(\(nonZero) of \(fitted.coefficients.count) coefficients non-zero)", model: .generalizedLinear(fitted)) { fitted.predict($0) }
        case .drf, .xrt:
            var config = model == .drf ? RandomForestConfiguration() : .extraTrees
            config.treeCount = trees
            config.maxDepth = maxDepth
            config.minRowsInLeaf = minRows
            config.featuresPerSplit = mtry
            config.maxBin = maxBin
            config.threads = threads
            config.seed = seed
            let fitted = try RandomForest(configuration: config).fit(data, labels: labels)
            let leaves = fitted.trees.reduce(0) { $0 + $1.leafCount }
            return Predictor(summary: "(\(fitted.trees.count) trees, \(leaves / max(1, fitted.trees.count)) leaves per tree)", model: .randomForest(fitted)) { fitted.predict($0, threads: threads) }
        case .automl:
            let result = try AutoML(configuration: autoMLConfiguration).fit(data, labels: labels)
            print(MLLeaderboardTable(entries: result.leaderboard).rendered)
            let leader = result.leader
            return Predictor(summary: "(leader \(result.leaderboard[0].name) of \(result.leaderboard.count))", model: leader) { leader.predict($0) }
        case .stack:
            let result = try MultiLayerStack(configuration: stackConfiguration).fit(data, labels: labels)
            let weights = result.model.weights.map { String(format: "%.2f", $0) }.joined(separator: " ")
            let stack = TrainedModel.multiLayerStack(result.model)
            return Predictor(summary: "(\(result.model.layers.count) layers, final weights \(weights))", model: stack) { stack.predict($0) }
        case .vote:
            let voting = try SoftVotingEnsemble(learners: votingLearners).fit(data, labels: labels)
            return Predictor(summary: "(\(voting.members.count) members, equal votes)", model: .weightedEnsemble(voting)) { voting.predict($0) }
        case .meta:
            let result = try MetaEnsemble.fit(
                data, labels: labels, autoML: autoMLConfiguration, stack: stackConfiguration,
                voting: SoftVotingEnsemble(learners: votingLearners), scheme: validationScheme, seed: seed)
            print(MLLeaderboardTable(entries: result.leaderboard).rendered)
            let weights = result.weights.map { String(format: "%.2f", $0) }.joined(separator: "/")
            let losses = result.componentLogLoss.map { String(format: "%.4f", $0) }.joined(separator: "/")
            let meta = result.model
            return Predictor(summary: "(weights automl/stack/vote \(weights), validation log loss \(losses), calibration \(result.calibration.rawValue))", model: meta) { meta.predict($0) }
        }
    }

    private var autoMLConfiguration: AutoMLConfiguration {
        var config = AutoMLConfiguration()
        config.maxModels = maxModels
        config.maxRuntimeSeconds = maxRuntimeSecs
        config.folds = folds
        config.validation = validationScheme
        config.seed = seed
        config.threads = threads
        return config
    }

    /// Shuffled k-fold unless the rows are declared time-ordered.
    private var validationScheme: ValidationScheme { timeOrdered ? .walkForward : .shuffled }

    private var stackConfiguration: StackConfiguration {
        var config = StackConfiguration()
        config.folds = folds
        config.layers = layers
        config.validation = validationScheme
        config.seed = seed
        config.threads = threads
        return config
    }

    private var votingLearners: [LearnerSpecification] {
        [ModelFamily.gbm, .drf, .xrt, .glm].map { LearnerSpecification.defaultLearner($0).withThreads(threads) }
    }

    /// The file's features and labels, and its text target's levels; a file whose text target has other levels than
    /// the training file's `targetLevels` is refused, since its 0 and 1 would mean other things.
    private func load(
        _ path: String, schema: (names: [String], kinds: [FeatureKind])?, targetLevels: [String]? = nil
    ) throws -> (data: Dataset, labels: [Double], targetLevels: [String]?) {
        // Streamed from the file: holding the whole text (twice, as Data and as bytes) cost more than the fit.
        let loaded = try CSVTable(contentsOfFile: path).labelledDataset(target: target, schema: schema)
        if schema != nil && loaded.targetLevels != targetLevels {
            throw ValidationError(
                "\(path): target \(target) has levels \(loaded.targetLevels?.joined(separator: ", ") ?? "(numbers)") where the training file has "
                    + (targetLevels?.joined(separator: ", ") ?? "numbers"))
        }
        return loaded
    }

    /// CPU time of the whole process (all threads), which other processes' load disturbs less than wall time.
    private func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.3f", Double(whole) + Double(attoseconds) * 1e-18)
    }

    private func format(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
