/// Fitting a learner on top of a market prior, and deciding on unseen rows how much of it to keep.
extension LearnerSpecification {
    /// Below this many rows too few are left to show that the learner beats its prior: it is fitted (with the prior
    /// as its offset; forests without one) and anchored at weight 0. The first fold of a walk-forward split is often
    /// this small, and a learner kept whole there scored its block with an unchecked overfit.
    public static let anchoringMinimumRows = 100

    /// How many standard errors of the per-row differences a learner must beat its prior by on the held-out rows.
    ///
    /// A one-sided test: at 1, a learner that only fits noise passes about one time in six (with its weight then
    /// shrunk by the held-out choice). On the pipeline bench, 2 (as calibration uses) also refused every learner on
    /// the MLB run line, where the features do hold an edge the even-odds prior lacks; 1 kept part of it.
    public static let anchoringStandardErrors = 1.0

    /// A GLM of at most this many named columns (``GeneralizedLinearConfiguration/columns``) is kept on the held-out
    /// weight choice alone, without the standard-error test.
    ///
    /// Why: the test guards against learners with room to fit noise, and on a few hundred held-out games it also
    /// refuses a real edge of a thousandth or two of log loss, which is under one standard error on 600 games, more
    /// often than not. A model of two or three coefficients fitted on over a thousand games costs about a coefficient
    /// per two thousand games in log loss when it has nothing to add, and the held-out weight choice shrinks even that.
    public static let anchoringColumnsWithoutTest = 3

    /// How many standard errors this learner must beat its prior by (see ``anchoringColumnsWithoutTest``).
    var anchoringTestStandardErrors: Double {
        if case .generalizedLinear(let config) = self, let columns = config.columns, columns.count <= Self.anchoringColumnsWithoutTest {
            return 0
        }
        return Self.anchoringStandardErrors
    }

    /// Whether the learner is one coefficient over named columns (a GLM of their sum): it is kept whole, weight 1.
    ///
    /// Why: the held-out weight is a second, noisier estimate of that one number, from models fitted on fewer rows and
    /// scored on two fifths of them. On a season of simulated MLB games at the open (`bench/pipeline.sh`), the sum of
    /// the line adjustments got a coefficient of 0.22 ± 0.16 on 3,330 games; the held-out losses were flat within
    /// 0.00002 from weight 0 to 0.4 and chose about 0.3, which kept 0.0003 of expected log loss below the market under
    /// the simulator's truth, against 0.0009 ± 0.0001 at weight 1. When the columns hold nothing, one coefficient costs
    /// about 1 / (2n) of log loss a game.
    var isOneCoefficient: Bool {
        if case .generalizedLinear(let config) = self, config.sumsColumns, config.columns != nil { return true }
        return false
    }

    /// The weights tried when anchoring a learner to its prior.
    static let anchoringWeights = (0...20).map { Double($0) / 20 }

    /// How many walk-forward blocks of a fifth of the rows each the anchoring weight is chosen on: the learner is
    /// fitted on the rows before each block and scores it. One block (400 rows of 2,000) left a learner with a real
    /// but modest edge (a third of the market's own spread) short of the test about one time in three; two double
    /// the rows the test sees for a third more fitting.
    public static let anchoringBlocks = 2

    /// Fits the learner on top of `prior` (nil: exactly ``fit(_:labels:)``) and anchors it to the prior.
    ///
    /// Rows must be in time order. The last ``anchoringBlocks`` fifths of the rows are held out walk-forward: each is
    /// scored by the learner fitted on every row before it. GBM and GLM take the prior's offset as their base margin;
    /// the GBM stops adding trees once the log loss of the latest fifth of the rows before the block stops improving
    /// (possibly at none), the GLM searches its penalty as it was configured to. On the held-out rows, pooled, the
    /// ``PriorAnchoredModel`` weight with the lowest log loss is chosen, from 0 (the prior alone) to 1 (the learner
    /// alone), and kept only if it beats the prior by more than ``anchoringStandardErrors`` standard errors of the
    /// per-row differences (otherwise the weight is 0), so the held-out log loss is never above the prior's and noise rarely passes for
    /// signal. The learner is then refitted on every row (the GBM with the number of trees early stopping chose on
    /// the last block) unless the weight is 0.
    public func fit(_ data: Dataset, labels: [Double], prior: MarketPrior?) throws -> TrainedModel {
        try fit(data, labels: labels, prior: prior, anchoringBlocks: Self.anchoringBlocks)
    }

    /// ``fit(_:labels:prior:)`` choosing the weight on the last `anchoringBlocks` fifths of the rows.
    func fit(_ data: Dataset, labels: [Double], prior: MarketPrior?, anchoringBlocks: Int) throws -> TrainedModel {
        precondition(labels.count == data.rowCount, "one label per row")
        precondition((1...4).contains(anchoringBlocks), "1 to 4 blocks of a fifth of the rows")
        guard let prior else { return try fit(data, labels: labels) }
        let rowCount = data.rowCount
        guard rowCount >= Self.anchoringMinimumRows else {
            return .priorAnchored(PriorAnchoredModel(prior: prior, learner: try fitOnPrior(data, labels: labels, prior: prior), weight: 0))
        }
        let blockSize = rowCount / 5
        let learner = withEarlyStopping
        var newest: TrainedModel?
        var learned = [Double]()
        var offsets = [Double]()
        var heldLabels = [Double]()
        for block in (1...anchoringBlocks).reversed() {
            let heldStart = rowCount - block * blockSize
            let heldRows = Array(heldStart..<(heldStart + blockSize))
            let heldData = data.selecting(rows: heldRows)
            let blockLabels = heldRows.map { labels[$0] }
            let model = try learner.fitBefore(block: heldStart, data, labels: labels, prior: prior)
            learned += model.predict(heldData)
            offsets += prior.offsets(heldData)
            heldLabels += blockLabels
            newest = model
        }
        let first = newest!
        let priorLoss = BinaryMetrics.logLoss(labels: heldLabels, probabilities: offsets.map(MarketPrior.sigmoid))
        func heldLoss(_ weight: Double) -> Double {
            BinaryMetrics.logLoss(labels: heldLabels, probabilities: PriorAnchoredModel.blend(learner: learned, offsets: offsets, weight: weight))
        }
        var best = (weight: 0.0, loss: priorLoss)
        if isOneCoefficient {
            best = (1, heldLoss(1))
        } else {
            for weight in Self.anchoringWeights.dropFirst() {
                let loss = heldLoss(weight)
                if loss < best.loss { best = (weight, loss) }
            }
        }
        // The best of 21 weights (and of the GBM's rounds) on a few hundred rows beats the prior by luck more often
        // than not when the learner has nothing to add: keep the learner only if it wins by more than chance.
        if best.weight > 0, anchoringTestStandardErrors > 0,
            !CalibrationSelection.clearlyBetter(
                PriorAnchoredModel.blend(learner: learned, offsets: offsets, weight: best.weight), than: offsets.map(MarketPrior.sigmoid),
                labels: heldLabels, standardErrors: anchoringTestStandardErrors)
        {
            best = (0, priorLoss)
        }
        let final = try best.weight > 0 ? refitted(after: first).fitOnPrior(data, labels: labels, prior: prior) : first
        return .priorAnchored(
            PriorAnchoredModel(prior: prior, learner: final, weight: best.weight, priorHoldoutLogLoss: priorLoss, holdoutLogLoss: best.loss)
        )
    }

    /// The learner fitted on the rows before `block` to score the block: a GBM stops early on the latest fifth of
    /// those rows, never on the block itself.
    ///
    /// Why: stopped on the block it is then judged on, a GBM keeps only trees that lower the block's log loss, so it
    /// never scores worse than the prior there even on noise, and the standard-error test below sees that chosen gain
    /// as signal. On a few hundred games (a soccer season) that let noise through more often than the test allows.
    private func fitBefore(block start: Int, _ data: Dataset, labels: [Double], prior: MarketPrior) throws -> TrainedModel {
        guard case .gradientBoosting(let config) = self, config.earlyStoppingRounds > 0 else {
            let rows = Array(0..<start)
            return try fitOnPrior(data.selecting(rows: rows), labels: rows.map { labels[$0] }, prior: prior)
        }
        let stop = start - start / 5
        let fitRows = Array(0..<stop)
        let stopRows = Array(stop..<start)
        return try fitOnPrior(
            data.selecting(rows: fitRows), labels: fitRows.map { labels[$0] }, prior: prior,
            validation: (data.selecting(rows: stopRows), stopRows.map { labels[$0] }))
    }

    /// The learner fitted with the prior as its offset where it takes one (GBM, GLM); a forest is fitted as it is.
    func fitOnPrior(_ data: Dataset, labels: [Double], prior: MarketPrior, validation: (data: Dataset, labels: [Double])? = nil)
        throws -> TrainedModel
    {
        switch self {
        case .gradientBoosting(let config):
            .gradientBoosting(try GradientBoosting(configuration: config).fit(data, labels: labels, prior: prior, validation: validation))
        case .generalizedLinear(let config):
            .generalizedLinear(try GeneralizedLinear(configuration: config).fit(data, labels: labels, prior: prior))
        case .randomForest(let config):
            .randomForest(try RandomForest(configuration: config).fit(data, labels: labels))
        }
    }

    /// A GBM that stops after rounds without held-out improvement (patience of about one unit of learning, at least 10).
    private var withEarlyStopping: LearnerSpecification {
        guard case .gradientBoosting(var config) = self, config.earlyStoppingRounds == 0 else { return self }
        config.earlyStoppingRounds = max(10, Int((1 / config.learningRate).rounded()))
        return .gradientBoosting(config)
    }

    /// The learner to refit on every row: a GBM with the trees early stopping kept, and no early stopping.
    private func refitted(after model: TrainedModel) -> LearnerSpecification {
        guard case .gradientBoosting(var config) = self, case .gradientBoosting(let boosted) = model else { return self }
        config.treeCount = boosted.trees.count
        config.earlyStoppingRounds = 0
        return .gradientBoosting(config)
    }
}
