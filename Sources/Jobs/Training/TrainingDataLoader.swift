import Foundation
import Store

/// Reads labelled, point-in-time training rows from the feature store and the games' final scores.
public struct TrainingDataLoader: Sendable {
    let store: Store

    /// A loader over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The final games of `sport` that started in the training window ending at `end`, each with its feature sets at
    /// the open and the latest before its start (`GameFeatureRepository.trainingSets`) and the bet type's label at
    /// each (a spread or total is settled against the line of its row); split for `settings`.
    public func load(
        sport: String, betType: BetType, featureSetVersion: String, end: Date, settings: TrainingSettings, names: [String]? = nil
    ) async throws -> TrainingData {
        let start = end.addingTimeInterval(-Double(settings.trainingWindowDays) * 86_400)
        let validationStart = end.addingTimeInterval(-Double(settings.validationWindowDays) * 86_400)
        let sets = try await store.gameFeatures.trainingSets(sport: sport, featureSetVersion: featureSetVersion, from: start, to: end)
        let games = Dictionary(
            try await store.games.games(sport: sport, from: start, to: end).compactMap { game in game.id.map { ($0, game) } },
            uniquingKeysWith: { first, _ in first })
        let threeWay = CollectedSport.hasDraw(sport)
        // The sets come in time order per game: of a game's two, the first is its opening row.
        let twoSets = Set(zip(sets, sets.dropFirst()).filter { $0.gameID == $1.gameID }.map { $0.0.gameID })
        var opened = Set<Int>()
        let examples = sets.compactMap { set -> TrainingExample? in
            let isOpening = twoSets.contains(set.gameID) && opened.insert(set.gameID).inserted
            guard let game = games[set.gameID], game.status == .final, let home = game.homeScore, let away = game.awayScore,
                let label = BetOutcome.label(betType, homeScore: home, awayScore: away, features: set.features, threeWay: threeWay)
            else { return nil }
            return TrainingExample(
                gameID: set.gameID, isOpening: isOpening, scheduledAt: game.scheduledAt, asOf: set.asOf, features: set.features,
                label: label,
                drawLabel: threeWay && betType == .moneyline ? BetOutcome.drawLabel(homeScore: home, awayScore: away) : nil)
        }
        return TrainingData(examples: examples, validationStart: validationStart, names: names)
    }
}
