import Essentials
import Foundation
import Logging
import Postgres
import Store

/// Runs the seed's data-quality rules for a sport and records each result (effectively once per job).
///
/// - `odds_completeness`: upcoming games with odds > 90 %, else alert.
/// - `odds_freshness`: newest odds younger than 2 minutes while games are upcoming, else alert.
/// - `score_consistency`: final scores from ESPN (`games`) equal The Odds API's latest `/scores`, else
///   alert and manual review.
/// - `feature_completeness`: every upcoming game's latest feature set > 98 % populated (only when feature
///   sets exist). `predict` skips each game below it itself, so some games below only alert; every game
///   below (the featurizer or a source is broken) blocks the sport's predictions.
public struct QualityChecker: Sendable {
    private let store: Store
    private let teamNames: TeamNameNormalizer
    private let thresholds: QualityThresholds
    private let now: @Sendable () -> Date

    /// A checker over `store`.
    public init(
        store: Store, teamNames: TeamNameNormalizer = .standard, thresholds: QualityThresholds = QualityThresholds(),
        now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.teamNames = teamNames
        self.thresholds = thresholds
        self.now = now
    }

    /// Runs every rule; returns the results recorded (empty for a redelivered job id).
    public func run(_ parameters: QualityCheck, jobID: String, logger: Logger) async throws -> [String: String] {
        let checkedAt = now()
        let sport = try CollectedSport.required(parameters.sport, source: "quality").code
        let to = checkedAt.addingTimeInterval(Double(parameters.windowHours ?? 24) * 3600)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var checks = [
                try await oddsCompleteness(sport, from: checkedAt, to: to, in: tx),
                try await oddsFreshness(sport, from: checkedAt, to: to, in: tx),
                try await scoreConsistency(sport, in: tx),
            ]
            if let features = try await featureCompleteness(sport, from: checkedAt, to: to, in: tx) { checks.append(features) }
            for index in checks.indices {
                checks[index].jobID = jobID
                checks[index].checkedAt = checkedAt
                try await tx.dataQualityChecks.record(checks[index])
            }
            return checks
        }
        guard case .applied(let checks) = outcome else { return [:] }
        QualityMetrics.record(checks)
        for check in checks where check.status == .fail {
            logger.warning(
                "ALERT: data quality check failed",
                metadata: [
                    "check": "\(check.checkName)", "sport": "\(sport)", "action": "\(check.action.rawValue)",
                    "observed": "\(check.observedValue.map { String($0) } ?? "none")",
                    "threshold": "\(check.threshold.map { String($0) } ?? "none")",
                ])
        }
        return Dictionary(uniqueKeysWithValues: checks.map { ($0.checkName, $0.status.rawValue) })
    }

    private func upcoming(_ sport: String, from: Date, to: Date, in tx: PostgresConnection) async throws -> [Game] {
        try await tx.games.games(sport: sport, from: from, to: to).filter { $0.status == .scheduled }
    }

    private func oddsCompleteness(_ sport: String, from: Date, to: Date, in tx: PostgresConnection) async throws -> DataQualityCheck {
        let games = try await upcoming(sport, from: from, to: to, in: tx)
        let missing = Set(try await tx.games.gamesWithoutOdds(sport: sport, from: from, to: to).compactMap(\.id))
        let without = games.compactMap(\.id).filter(missing.contains)
        let threshold = thresholds.oddsCompleteness
        guard !games.isEmpty else {
            return DataQualityCheck(
                checkName: "odds_completeness", sport: sport, status: .pass, threshold: threshold, details: ["games": .number(0)],
                checkedAt: from)
        }
        let share = Double(games.count - without.count) / Double(games.count)
        return DataQualityCheck(
            checkName: "odds_completeness", sport: sport, status: share > threshold ? .pass : .fail,
            action: share > threshold ? .none : .alert,
            observedValue: share, threshold: threshold,
            details: ["games": .number(Double(games.count)), "games_without_odds": .array(without.prefix(50).map { .number(Double($0)) })],
            checkedAt: from)
    }

    private func oddsFreshness(_ sport: String, from: Date, to: Date, in tx: PostgresConnection) async throws -> DataQualityCheck {
        let games = try await upcoming(sport, from: from, to: to, in: tx)
        let latest = try await tx.odds.latestRecordedAtBySport()[sport]
        let age = latest.map { from.timeIntervalSince($0) }
        let threshold = thresholds.oddsMaximumAge
        let fresh = games.isEmpty || (age.map { $0 < threshold } ?? false)
        var details: [String: JSONValue] = ["upcoming_games": .number(Double(games.count))]
        if let latest { details["latest_recorded_at"] = .string(UpstreamTime.isoSeconds(latest)) }
        return DataQualityCheck(
            checkName: "odds_freshness", sport: sport, status: fresh ? .pass : .fail, action: fresh ? .none : .alert, observedValue: age,
            threshold: threshold, details: details, checkedAt: from)
    }

    private func scoreConsistency(_ sport: String, in tx: PostgresConnection) async throws -> DataQualityCheck {
        guard let collected = CollectedSport.named(sport) else {
            throw CollectorError(.requestRejected, source: "quality", endpoint: "", message: "unknown sport \(sport)")
        }
        let endpoint = "/v4/sports/\(collected.oddsAPIKey)/scores"
        // The latest /scores payload The Odds API sent, straight from raw storage.
        guard let raw = try await tx.rawIngest.latest(source: OddsAPIClient.source, endpoint: endpoint) else {
            return DataQualityCheck(
                checkName: "score_consistency", sport: sport, status: .pass, threshold: 1, details: ["compared": .number(0)],
                checkedAt: Date())
        }
        let response = UpstreamResponse(
            source: OddsAPIClient.source, endpoint: raw.endpoint, status: 200, headers: [:], body: raw.payload, fetchedAt: raw.fetchedAt)
        let events = try PayloadDecoder.decode([OddsAPIScoreEvent].self, from: response).filter(\.completed)
        let directory = TeamDirectory(teams: try await tx.teams.teams(sport: sport), normalizer: teamNames)
        var compared = 0
        var mismatches: [JSONValue] = []
        for event in events {
            guard let home = directory.resolve(event.homeTeam), let away = directory.resolve(event.awayTeam),
                let homeScore = event.score(of: event.homeTeam), let awayScore = event.score(of: event.awayTeam)
            else { continue }
            let candidates = try await tx.games.games(
                sport: sport, from: event.commenceTime.addingTimeInterval(-OddsCollector.matchWindow),
                to: event.commenceTime.addingTimeInterval(OddsCollector.matchWindow))
            guard let game = candidates.first(where: { $0.homeTeamID == home.id && $0.awayTeamID == away.id && $0.status == .final }) else {
                continue
            }
            compared += 1
            if game.homeScore != homeScore || game.awayScore != awayScore {
                mismatches.append(
                    .string(
                        "game \(game.id!): espn \(game.homeScore.map(String.init) ?? "-")-\(game.awayScore.map(String.init) ?? "-"), odds api \(homeScore)-\(awayScore)"
                    ))
            }
        }
        let share = compared == 0 ? nil : Double(compared - mismatches.count) / Double(compared)
        let consistent = mismatches.isEmpty
        return DataQualityCheck(
            checkName: "score_consistency", sport: sport, status: consistent ? .pass : .fail, action: consistent ? .none : .manualReview,
            observedValue: share, threshold: 1,
            details: ["compared": .number(Double(compared)), "mismatches": .array(Array(mismatches.prefix(50)))], checkedAt: Date())
    }

    private func featureCompleteness(_ sport: String, from: Date, to: Date, in tx: PostgresConnection) async throws -> DataQualityCheck? {
        let sets = try await tx.gameFeatures.latestCompleteness(sport: sport, from: from, to: to, asOf: from)
            .map { ($0.gameID, $0.completeness) }
        guard let lowest = sets.map(\.1).min() else { return nil }
        let threshold = thresholds.featureCompleteness
        let below = sets.filter { $0.1 <= threshold }.map { JSONValue.number(Double($0.0)) }
        return DataQualityCheck(
            checkName: "feature_completeness", sport: sport, status: below.isEmpty ? .pass : .fail,
            action: below.isEmpty ? .none : below.count == sets.count ? .blockPredictions : .alert, observedValue: lowest,
            threshold: threshold,
            details: ["games": .number(Double(sets.count)), "games_below": .array(Array(below.prefix(50)))], checkedAt: from)
    }
}
