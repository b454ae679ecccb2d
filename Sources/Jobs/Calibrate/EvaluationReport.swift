import Foundation
import ML
import Store

/// Everything the evaluation page of a calibrated model shows (ML guide 2.6, "Evaluation Reports Generated").
public struct EvaluationReport: Sendable {
    /// One row of a metrics table.
    public struct ModelScore: Sendable {
        /// What was scored (`meta (calibrated)`, `automl #12`, `champion #7`).
        public var label: String
        /// Its evaluation on the report's evaluation rows.
        public var evaluation: BinaryEvaluation
    }

    /// One model of the AutoML leaderboard, scored out of fold: the learner as it learnt, and anchored to the market.
    public struct LeaderboardRow: Sendable {
        public var name: String
        public var auc: Double
        public var logLoss: Double
        public var brier: Double
        /// The learner anchored to the market prior (nil for stacked ensembles and older models).
        public var anchoredAUC: Double? = nil
        public var anchoredLogLoss: Double? = nil
        /// The market alone on the same games: entries are ranked on what they take off it, as their games differ
        /// (nil for older models).
        public var marketLogLoss: Double? = nil
        /// Games with an out-of-fold prediction (nil for older models).
        public var rows: Int? = nil
        public var fitSeconds: Double
    }

    /// A week of the evaluation window.
    public struct Period: Sendable {
        /// The first day.
        public var start: Date
        /// Games.
        public var rows: Int
        /// Accuracy at 0.5.
        public var accuracy: Double
        /// Log loss.
        public var logLoss: Double
    }

    /// A feature's weight in one explanation.
    public struct Importance: Sendable {
        /// The feature.
        public var feature: String
        /// Permutation: log loss gained when shuffled; SHAP: mean |SHAP| on the margin scale.
        public var value: Double
    }

    /// Accuracy of the latest calibrated model of a sport and bet type.
    public struct MarketScore: Sendable {
        /// The sport.
        public var sport: String
        /// The bet type.
        public var betType: String
        /// The model's id.
        public var modelID: Int
        /// Its evaluation accuracy, AUC and log loss.
        public var accuracy: Double
        public var auc: Double
        public var logLoss: Double
    }

    /// The flat-stake and Kelly backtest on the evaluation games.
    public struct Backtest: Sendable {
        /// One settled bet, in time order.
        public struct Bet: Sendable {
            /// When the game started.
            public var at: Date
            /// The tier the bet got.
            public var tier: String
            /// Units staked (fraction of bankroll).
            public var stake: Double
            /// The decimal price it was made at.
            public var price: Double
            /// Units won or lost.
            public var profit: Double
            /// Whether it won.
            public var won: Bool
            /// Its closing line value; nil when its selection had no closing price at its line.
            public var clv: Double?
            /// Its closing line value against the fair close (`ClosingConsensus.fairPrice`): what it returns on average if
            /// the closing line, less its margin, was right; nil without every outcome's close at its line at some book.
            public var fairCLV: Double? = nil
        }
        /// The bets with positive edge and a price.
        public var bets: [Bet]
        /// Evaluation games without a price to bet at.
        public var unpriced: Int
        /// Total staked.
        public var staked: Double { bets.reduce(0) { $0 + $1.stake } }
        /// Total profit.
        public var profit: Double { bets.reduce(0) { $0 + $1.profit } }
        /// Profit over stake; 0 with nothing staked.
        public var roi: Double { staked > 0 ? profit / staked : 0 }
    }

    /// The model's registry name and version.
    public var title: String
    /// The sport and bet type.
    public var sport: String
    public var betType: String
    /// The publication the model forecasts for.
    public var publication: PredictionPublication = .gameDay
    /// The training window and feature set.
    public var trainingStart: Date
    public var trainingEnd: Date
    public var featureSetVersion: String
    /// Rows fitted, calibrating, evaluating.
    public var rows: [Int]
    /// Blend weights of AutoML, Stack and voting, and the calibration chosen.
    public var weights: [Double]
    public var calibration: String
    /// The calibrated model, its components and the champion on the same evaluation rows.
    public var scores: [ModelScore]
    /// The calibrated model and the market on the pooled walk-forward games the thresholds were judged on.
    public var pooled: PooledEvaluation? = nil
    /// The AutoML leaderboard under walk-forward cross-validation.
    public var leaderboard: [LeaderboardRow]
    /// Whether the learners fit, and the leaderboard scores against, each game's fair close where it has one
    /// (``TrainingData/targets(_:)``) rather than its result.
    public var learnsFromTheClose = false
    /// The evaluation window week by week.
    public var periods: [Period]
    /// Permutation importance of the calibrated model, most important first.
    public var permutationImportance: [Importance]
    /// Mean |SHAP| of a gradient-boosting member, most important first, and which member.
    public var shap: [Importance]
    public var shapModel: String
    /// Accuracy of the latest calibrated model per sport and bet type.
    public var markets: [MarketScore]
    /// The ROI backtest.
    public var backtest: Backtest
    /// The model's out-of-sample picks on the pooled games against the close; nil in reports made before the record.
    public var pickRecord: PickRecord? = nil
    /// The thresholds the decision applied.
    public var thresholds: PromotionThresholds
    /// The promotion decision, in words.
    public var decision: String
    /// A three-way moneyline's draw share model against the market's draw share, in words (`DrawShareFit.summary`);
    /// nil for other markets.
    public var drawShare: String? = nil
    /// When the report was made.
    public var createdAt: Date
}
