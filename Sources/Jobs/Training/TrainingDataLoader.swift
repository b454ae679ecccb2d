import Foundation
import Store

/// Reads labelled, point-in-time training rows from the feature store and the games' final scores.
public struct TrainingDataLoader: Sendable {
    let store: Store

    /// A loader over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The final games of `sport` that started in the training window ending at `end`, each with the feature set
    /// `publication`'s forecast saw (``GameFeatureRepository/trainingSets(sport:featureSetVersion:from:to:publication:)``)
    /// and the bet type's label and fair close (``FairClose``, from the books' last prices before the start); split for
    /// `settings`.
    public func load(
        sport: String, betType: BetType, publication: PredictionPublication = .gameDay, featureSetVersion: String, end: Date,
        settings: TrainingSettings, names: [String]? = nil
    ) async throws -> TrainingData {
        let start = end.addingTimeInterval(-Double(settings.trainingWindowDays) * 86_400)
        let validationStart = end.addingTimeInterval(-Double(settings.validationWindowDays) * 86_400)
        let sets = try await store.gameFeatures.trainingSets(
            sport: sport, featureSetVersion: featureSetVersion, from: start, to: end, publication: publication)
        let games = Dictionary(
            try await store.games.games(sport: sport, from: start, to: end).compactMap { game in game.id.map { ($0, game) } },
            uniquingKeysWith: { first, _ in first })
        let threeWay = CollectedSport.hasDraw(sport)
        var examples = sets.compactMap { set -> TrainingExample? in
            guard let game = games[set.gameID], game.status == .final, let home = game.homeScore, let away = game.awayScore,
                let label = BetOutcome.label(betType, homeScore: home, awayScore: away, features: set.features, threeWay: threeWay)
            else { return nil }
            return TrainingExample(
                gameID: set.gameID, scheduledAt: game.scheduledAt, asOf: set.asOf, features: set.features, label: label,
                drawLabel: threeWay && betType == .moneyline ? BetOutcome.drawLabel(homeScore: home, awayScore: away) : nil)
        }
        let closingOdds = try await store.odds.latest(for: examples.map { GameAsOf(gameID: $0.gameID, asOf: $0.scheduledAt) })
        let closing = FairClose.probabilities(examples, betType: betType, closing: closingOdds)
        for index in examples.indices { examples[index].closingProbability = closing[examples[index].gameID] }
        return TrainingData(
            examples: examples, validationStart: validationStart, names: names, learnsFromTheClose: settings.learnsFromTheClose,
            closingOdds: closingOdds)
    }
}
