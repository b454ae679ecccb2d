/// One model of an AutoML run, scored on its cross-validated (out-of-fold) predictions.
///
/// With a market prior, a learner is scored twice on the same rows: as it learnt (`auc`, `logLoss`, `brier`), and
/// anchored to the prior as the model it becomes (`anchoredAUC`, `anchoredLogLoss`). A learner anchored at weight 0
/// is the prior, so its anchored figures are the prior's whatever it learnt; its own figures tell learners apart.
///
/// Entries are scored on different rows: walk-forward validation leaves the first block out of a learner's scores and
/// the first two out of a stacked ensemble's, whose metalearner learns from its members' out-of-fold predictions. Later
/// games can be easier to call (a market that grows sharper over a season), so with a prior each entry also carries
/// the prior's figures on its own rows (`priorAUC`, `priorLogLoss`), and entries are ranked on what they add to it.
public struct LeaderboardEntry: Sendable, Equatable, Codable {
    /// A unique name such as `GBM_3` or `StackedEnsemble_BestOfFamily`.
    public let name: String
    /// The learner's family, or nil for a stacked ensemble.
    public let family: ModelFamily?
    /// The learner and hyperparameters, or nil for a stacked ensemble.
    public let learner: LearnerSpecification?
    /// Out-of-fold AUC of the learner itself.
    public let auc: Double
    /// Out-of-fold log loss of the learner itself.
    public let logLoss: Double
    /// Out-of-fold Brier score of the learner itself.
    public let brier: Double
    /// Out-of-fold AUC of the learner anchored to the prior; nil without a prior (and for stacked ensembles).
    public let anchoredAUC: Double?
    /// Out-of-fold log loss of the learner anchored to the prior; nil without a prior (and for stacked ensembles).
    public let anchoredLogLoss: Double?
    /// Out-of-fold AUC of the prior alone on the entry's rows; nil without a prior.
    public let priorAUC: Double?
    /// Out-of-fold log loss of the prior alone on the entry's rows; nil without a prior.
    public let priorLogLoss: Double?
    /// Rows with an out-of-fold prediction (walk-forward leaves the first block out).
    public let rows: Int
    /// Seconds spent on cross-validation and the final fit.
    public let fitSeconds: Double

    /// An entry; the anchored figures only when the learner was fitted on a prior.
    public init(
        name: String, family: ModelFamily?, learner: LearnerSpecification?, auc: Double, logLoss: Double, brier: Double,
        anchoredAUC: Double? = nil, anchoredLogLoss: Double? = nil, priorAUC: Double? = nil, priorLogLoss: Double? = nil,
        rows: Int, fitSeconds: Double
    ) {
        self.name = name
        self.family = family
        self.learner = learner
        self.auc = auc
        self.logLoss = logLoss
        self.brier = brier
        self.anchoredAUC = anchoredAUC
        self.anchoredLogLoss = anchoredLogLoss
        self.priorAUC = priorAUC
        self.priorLogLoss = priorLogLoss
        self.rows = rows
        self.fitSeconds = fitSeconds
    }

    /// The AUC of the model the entry stands for (anchored when there is a prior).
    var modelAUC: Double { anchoredAUC ?? auc }
    /// The log loss of the model the entry stands for (anchored when there is a prior).
    var modelLogLoss: Double { anchoredLogLoss ?? logLoss }
    /// What the model adds to the prior's AUC on the same rows (its AUC alone without a prior).
    var aucOverPrior: Double { modelAUC - (priorAUC ?? 0) }
    /// What the model takes off the prior's log loss on the same rows, as a log loss difference (negative: better than
    /// the prior; its log loss alone without a prior).
    var logLossOverPrior: Double { modelLogLoss - (priorLogLoss ?? 0) }
}
