import Foundation
import Queue
import Store

/// What `train.automl`, `train.stack` and `calibrate` share: which models, as of when, on which features.
public protocol TrainingJobParameters: JobParameters {
    /// The sport; `nil`: every configured sport.
    var sport: String? { get }
    /// `spread`, `moneyline` or `total`; `nil`: all three.
    var betType: String? { get }
    /// `open` or `game_day`: the models of the forecast published at the market's open or on game day; `nil`: both.
    var publication: String? { get }
    /// The end of the training window, ISO 8601; `nil`: now.
    var asOf: String? { get }
    /// The feature-set version to learn from; `nil`: the current one.
    var featureSetVersion: String? { get }
    /// Overrides of the seed's training configuration.
    var settings: TrainingSettings? { get }
    /// The experiment's name and hypothesis (seed 2.8), recorded with the model.
    var experiment: String? { get }
    var hypothesis: String? { get }
}

extension TrainingJobParameters {
    /// The bet types to train.
    var betTypes: [BetType] {
        ModelMarkets.betTypes(betType)
    }

    /// The publications to train for.
    var publications: [PredictionPublication] {
        ModelMarkets.publications(publication)
    }

    /// `asOf` parsed, or `nil`.
    func asOfDate() throws -> Date? {
        guard let asOf else { return nil }
        do {
            return try Date(asOf, strategy: .iso8601)
        } catch {
            throw QueueError(.invalidRequest, "asOf: \"\(asOf.prefix(40))\" is not an ISO 8601 time such as 2026-11-25T12:00:00Z")
        }
    }

    /// The shared checks.
    func validateTraining() throws {
        try ModelMarkets.validate(sport: sport, betType: betType)
        try ModelMarkets.validate(publication: publication)
        _ = try asOfDate()
        if let problem = settings?.problem { throw QueueError(.invalidRequest, "settings: \(problem)") }
        if let featureSetVersion, featureSetVersion.isEmpty { throw QueueError(.invalidRequest, "featureSetVersion: empty") }
        if (experiment?.count ?? 0) > 200 || (hypothesis?.count ?? 0) > 2_000 {
            throw QueueError(.invalidRequest, "experiment (200 characters) or hypothesis (2000) is too long")
        }
    }
}

/// Which learner a training job runs: `train.automl` or `train.stack`.
public protocol TrainingLearner: Sendable {
    /// The job type that runs it.
    static var jobType: String { get }
    /// The kind of model it registers.
    static var kind: ModelKind { get }
}

/// The AutoML search: registers each sport and bet type's leader as a challenger (`train.automl`).
public enum AutoMLLearner: TrainingLearner {
    public static let jobType = "train.automl"
    public static let kind = ModelKind.automl
}

/// The multi-layer stack: registers each sport and bet type's stack as a challenger (`train.stack`).
public enum StackLearner: TrainingLearner {
    public static let jobType = "train.stack"
    public static let kind = ModelKind.stack
}

/// `train.automl`: the AutoML search per sport and bet type; registers each leader as a challenger.
public typealias TrainAutoML = TrainModels<AutoMLLearner>
/// `train.stack`: the multi-layer stack per sport and bet type; registers each as a challenger.
public typealias TrainStack = TrainModels<StackLearner>

/// A training job's parameters; both learners take the same ones, and `Learner` names the job type.
public struct TrainModels<Learner: TrainingLearner>: TrainingJobParameters, Equatable {
    public static var jobType: String { Learner.jobType }
    public static var defaultQueue: String { "training" }
    public var sport: String?
    public var betType: String?
    public var publication: String?
    public var asOf: String?
    public var featureSetVersion: String?
    public var settings: TrainingSettings?
    public var experiment: String?
    public var hypothesis: String?

    /// Parameters; `nil` fields take their defaults.
    public init(
        sport: String? = nil, betType: BetType? = nil, publication: PredictionPublication? = nil, asOf: String? = nil,
        featureSetVersion: String? = nil, settings: TrainingSettings? = nil, experiment: String? = nil, hypothesis: String? = nil
    ) {
        self.sport = sport
        self.betType = betType?.rawValue
        self.publication = publication?.rawValue
        self.asOf = asOf
        self.featureSetVersion = featureSetVersion
        self.settings = settings
        self.experiment = experiment
        self.hypothesis = hypothesis
    }

    public func validate() throws { try validateTraining() }
}
