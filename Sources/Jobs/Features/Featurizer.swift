import Foundation
import Logging
import Store

/// Runs `featurize` for one sport: reads the sport's history once, computes features in memory, stores them.
///
/// Every stored row is keyed by game, version and `as_of`, and its values depend only on data from before
/// `as_of`: an upsert of the same row is idempotent, so a redelivered history job rewrites identical rows.
public struct Featurizer: Sendable {
    /// Games whose odds, weather and injury lists are read, and whose features are written, per round trip.
    static let batchSize = 500

    private let store: Store
    private let now: @Sendable () -> Date
    private let uncollected: Set<BackfillSource>

    /// A featurizer over `store`, with `now` as the clock of runs for upcoming games; the features only `uncollected`
    /// sources give do not count against a game's completeness.
    public init(store: Store, now: @escaping @Sendable () -> Date, uncollected: Set<BackfillSource> = []) {
        self.store = store
        self.now = now
        self.uncollected = uncollected
    }

    /// Features `sport`'s games as `parameters` says (its `sport` is ignored) and upserts them.
    public func run(sport: String, _ parameters: Featurize, logger: Logger) async throws -> FeaturizeResult {
        let targets = try await self.targets(sport: sport, parameters)
        guard let first = targets.first, let last = targets.last else {
            return FeaturizeResult(gamesFeaturized: 0, meanCompleteness: 0)
        }
        let sources = store.featureSources
        let versions = try await versions(sport: sport, logger: logger)
        let finished = try await sources.finishedGames(sport: sport, asOf: last.asOf)
        // Each game's close is its last prices before its start, read only for the games a target's drift averages.
        let drifting = TeamLineMoves.games(finished, from: first.asOf).compactMap { game in
            game.id.map { GameAsOf(gameID: $0, asOf: game.scheduledAt) }
        }
        let template = FeatureBuilder(
            sport: sport, teams: try await store.teams.teams(sport: sport),
            finishedGames: finished,
            // Rest counts at most 14 days, so the schedule from 15 days before the first target is all that can
            // matter; an older previous game is among the finished ones.
            schedule: try await store.games.games(
                sport: sport, from: targets.map(\.game.scheduledAt).min()!.addingTimeInterval(-15 * 86_400),
                to: targets.map(\.game.scheduledAt).max()!),
            batterGames: sport == "mlb"
                ? try await sources.batterGames(
                    from: first.asOf.addingTimeInterval(-Double(FeatureBuilder.statcastDays + 1) * 86_400), asOf: last.asOf)
                : [],
            starters: sport == "mlb" ? try await sources.starters(sport: sport, asOf: last.asOf) : [],
            pitcherLines: sport == "mlb" ? try await sources.pitcherLines(sport: sport, asOf: last.asOf) : [],
            teamStats: SummariesCollector.teamStatistics[sport] != nil ? try await sources.teamStats(sport: sport, asOf: last.asOf) : [],
            lineMoves: TeamLineMoves.moves(try await sources.oddsLines(for: drifting, market: "h2h")))
        var builders = versions.map { template.computing($0) }
        var completenessSum = 0.0
        for start in stride(from: 0, to: targets.count, by: Self.batchSize) {
            try Task.checkCancellation()
            let batch = targets[start..<min(start + Self.batchSize, targets.count)]
            let requests = batch.map { GameAsOf(gameID: $0.game.id!, asOf: $0.asOf) }
            let odds = Dictionary(grouping: try await sources.oddsLines(for: requests), by: \.gameID)
            let injuries = Dictionary(grouping: try await sources.injuryCounts(for: requests), by: \.gameID)
            var weather: [Int: WeatherObservation] = [:]
            if FeatureCatalog.readsWeather(sport: sport) {
                for observation in try await sources.weather(for: requests) { weather[observation.gameID] = observation }
            }
            var sets: [GameFeatureSet] = []
            for (game, asOf) in batch {
                for index in builders.indices {
                    let version = builders[index].version
                    let features = builders[index].features(
                        for: game, asOf: asOf, odds: odds[game.id!] ?? [], weather: weather[game.id!], injuries: injuries[game.id!] ?? [])
                    let completeness = FeatureBuilder.completeness(features, sport: sport, version: version, uncollected: uncollected)
                    if version == FeatureCatalog.version { completenessSum += completeness }
                    sets.append(
                        GameFeatureSet(gameID: game.id!, featureSetVersion: version, asOf: asOf, features: features, completeness: completeness))
                }
            }
            // One transaction per batch: one commit instead of one per row.
            try await store.withTransaction { tx in
                for set in sets { try await tx.gameFeatures.upsert(set) }
            }
        }
        let result = FeaturizeResult(gamesFeaturized: targets.count, meanCompleteness: completenessSum / Double(targets.count))
        logger.info(
            "featurized games",
            metadata: [
                "sport": "\(sport)", "games": "\(result.gamesFeaturized)",
                "mean_completeness": "\(String(format: "%.3f", result.meanCompleteness))",
            ])
        return result
    }

    /// The current version, and every older one a serving champion (or a shadow awaiting review) of `sport` was
    /// trained on, so an upgrade of the feature set never stops a champion predicting before its successor is
    /// promoted. A champion on a version this build no longer computes is logged: it cannot predict.
    private func versions(sport: String, logger: Logger) async throws -> [String] {
        let champions = try await store.models.summaries(sport: sport, status: .champion, limit: 100, offset: 0).models
            + store.models.summaries(sport: sport, status: .shadow, limit: 100, offset: 0).models
        var versions = [FeatureCatalog.version]
        for version in Set(champions.map(\.featureSetVersion)).sorted() where version != FeatureCatalog.version {
            if FeatureCatalog.computable.contains(version) {
                versions.append(version)
            } else {
                logger.error(
                    "a champion's feature set is no longer computed; it cannot predict until a successor is promoted",
                    metadata: ["sport": "\(sport)", "feature_set_version": "\(version)"])
            }
        }
        return versions
    }

    /// The games to feature and each one's point in time, in `asOf` order (the builder's incremental order).
    private func targets(sport: String, _ parameters: Featurize) async throws -> [(game: Game, asOf: Date)] {
        var targets: [(game: Game, asOf: Date)]
        if let range = parameters.range, parameters.atOpen == true {
            let games = try await store.games.games(sport: sport, from: range.lowerBound, to: range.upperBound)
            let opened = try await store.odds.firstRecordedAt(gameIDs: games.compactMap(\.id))
            targets = games.compactMap { game in
                guard let first = game.id.flatMap({ opened[$0] }) else { return nil }
                let asOf = min(first.addingTimeInterval(Featurize.openingSpan), game.scheduledAt.addingTimeInterval(-60))
                return asOf > first ? (game, asOf) : nil
            }
        } else if let range = parameters.range {
            targets = try await store.games.games(sport: sport, from: range.lowerBound, to: range.upperBound)
                .map { ($0, $0.scheduledAt.addingTimeInterval(-parameters.lead)) }
        } else {
            let now = now()
            targets = try await store.games.games(sport: sport, from: now, to: now.addingTimeInterval(Featurize.upcomingWindow))
                .map { ($0, now) }
        }
        // A called-off game gets no prediction and no label.
        targets.removeAll { $0.game.id == nil || $0.game.status == .cancelled || $0.game.status == .postponed }
        targets.sort { ($0.asOf, $0.game.id!) < ($1.asOf, $1.game.id!) }
        return targets
    }
}
