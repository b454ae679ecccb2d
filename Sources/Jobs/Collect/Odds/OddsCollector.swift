import Foundation
import Logging
import Postgres
import Store

/// `collect.odds`: fetch → raw (hashed, once) → validate → match events to games → `odds`, `closing_lines`, and each
/// matched game's event id (`odds_api_events`).
public struct OddsCollector: Sendable {
    private let client: OddsAPIClient
    private let store: Store
    private let teamNames: TeamNameNormalizer
    private let now: @Sendable () -> Date

    /// How far an event's start may be from the game's scheduled start and still be the same game.
    static let matchWindow: TimeInterval = 12 * 3600
    private static let markets: Set<String> = ["h2h", "spreads", "totals"]

    /// A collector writing to `store`.
    public init(client: OddsAPIClient, store: Store, teamNames: TeamNameNormalizer, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.teamNames = teamNames
        self.now = now
    }

    /// A collector reading The Odds API as `configuration` says, with its team names and clock.
    public init(configuration: CollectorConfiguration, store: Store, upstream: UpstreamClient) {
        self.init(
            client: OddsAPIClient(configuration: configuration.oddsAPI, upstream: upstream), store: store,
            teamNames: configuration.teamNames, now: configuration.now)
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectOdds, jobID: String, logger: Logger) async throws -> OddsCollection {
        let sport = try CollectedSport.required(parameters.sport, source: OddsAPIClient.source)
        let isBackfill = parameters.isBackfill ?? false
        let snapshot = parameters.snapshotDate
        let response: UpstreamResponse
        do {
            if let snapshot {
                response = try await client.historicalOdds(sport: sport.oddsAPIKey, at: snapshot, now: now())
            } else {
                response = try await client.odds(sport: sport.oddsAPIKey, now: now())
            }
        } catch let error as CollectorError where error.code == .invalidCredentials || error.code == .quotaExhausted {
            logger.critical(
                "ALERT: The Odds API refused the key; odds collection is stopped until an operator acts",
                metadata: ["error": "\(error)", "alert": "odds_api_\(error.code.rawValue)"])
            throw error
        }
        let quota = OddsAPIQuota(headers: response.headers)
        if let quota {
            CollectorMetrics.oddsQuota(quota)
            logger.info(
                "odds api quota", metadata: ["remaining": "\(quota.remaining)", "used": "\(quota.used)", "last": "\(quota.last)"])
        }
        let events = try await RawIngestion.reading(response, isBackfill: isBackfill, jobID: jobID, in: store, logger: logger) {
            let events =
                try snapshot == nil
                ? PayloadDecoder.decode([OddsAPIEvent].self, from: response)
                : PayloadDecoder.decode(OddsAPIHistoricalSnapshot.self, from: response).data
            try validate(events, sport: sport, response: response)
            return events
        }
        var scores: UpstreamResponse?
        if snapshot == nil && parameters.includeScores ?? true {
            let fetched = try await client.scores(sport: sport.oddsAPIKey, daysFrom: 1, now: now())
            _ = try await RawIngestion.reading(fetched, isBackfill: isBackfill, jobID: jobID, in: store, logger: logger) {
                try PayloadDecoder.decode([OddsAPIScoreEvent].self, from: fetched)
            }
            scores = fetched
        }
        let reference = snapshot ?? now()
        let read = OddsCollection(
            applied: true, payloadWasNew: false, events: events.count, matchedEvents: 0, unmatchedEvents: [], snapshotsWritten: 0,
            closingLinesWritten: 0, quota: quota)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            if let scores { _ = try await RawIngestion.store(scores, isBackfill: isBackfill, jobID: jobID, in: tx) }
            var result = read
            result.payloadWasNew = try await RawIngestion.store(response, isBackfill: isBackfill, jobID: jobID, in: tx)
            // A payload read before is curated again: its events may match games collected since (an earlier read
            // matched nothing and kept no price), and curation appends only prices newer than the stored ones, so
            // prices already kept are not written twice.
            try await curate(events, sport: sport, isBackfill: isBackfill, into: tx, result: &result)
            // A read that added no price has no closing line to move: the captures would rewrite the same rows.
            guard result.payloadWasNew || result.snapshotsWritten > 0 else { return result }
            // Closing lines: the last prices before the start of games that began since the previous runs.
            let started = try await tx.games.games(
                sport: sport.code, from: reference.addingTimeInterval(isBackfill ? -36 * 3600 : -12 * 3600),
                to: reference.addingTimeInterval(1))
            for game in started where game.scheduledAt <= reference {
                result.closingLinesWritten += try await tx.closingLines.captureFromOdds(gameID: game.id!, at: game.scheduledAt)
            }
            return result
        }
        let result = outcome.collection(read: read)
        if !result.unmatchedEvents.isEmpty {
            logger.warning("odds events without a game", metadata: ["events": "\(result.unmatchedEvents.prefix(10))"])
        }
        return result
    }

    /// Values the types cannot check: the sport, prices valid in the requested format, two distinct teams.
    private func validate(_ events: [OddsAPIEvent], sport: CollectedSport, response: UpstreamResponse) throws {
        let format = client.configuration.oddsFormat
        for (index, event) in events.enumerated() {
            func fail(_ message: String) -> CollectorError {
                CollectorError(
                    .invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status,
                    message: "[\(index)] \(message)")
            }
            guard event.sportKey == sport.oddsAPIKey else { throw fail("sport_key \(event.sportKey), expected \(sport.oddsAPIKey)") }
            guard event.homeTeam != event.awayTeam, !event.homeTeam.isEmpty else {
                throw fail("home and away team are \"\(event.homeTeam)\"")
            }
            for bookmaker in event.bookmakers {
                for market in bookmaker.markets {
                    for outcome in market.outcomes where format.decimalPrice(outcome.price) == nil {
                        throw fail("\(bookmaker.key) \(market.key) \(outcome.name): \(outcome.price) is not a \(format.rawValue) price")
                    }
                }
            }
        }
    }

    private func curate(
        _ events: [OddsAPIEvent], sport: CollectedSport, isBackfill: Bool, into tx: PostgresConnection, result: inout OddsCollection
    ) async throws {
        guard let first = events.map(\.commenceTime).min(), let last = events.map(\.commenceTime).max() else { return }
        let directory = TeamDirectory(teams: try await tx.teams.teams(sport: sport.code), normalizer: teamNames)
        let games = try await tx.games.games(
            sport: sport.code, from: first.addingTimeInterval(-Self.matchWindow), to: last.addingTimeInterval(Self.matchWindow))
        var matched: [(gameID: Int, fresh: [OddsSnapshot], latest: Date)] = []
        var eventIDs: [Int: String] = [:]
        for event in events {
            guard let home = directory.resolve(event.homeTeam), let away = directory.resolve(event.awayTeam),
                let game = games.filter({
                    $0.homeTeamID == home.id && $0.awayTeamID == away.id
                        && abs($0.scheduledAt.timeIntervalSince(event.commenceTime)) < Self.matchWindow
                }).min(by: {
                    abs($0.scheduledAt.timeIntervalSince(event.commenceTime)) < abs($1.scheduledAt.timeIntervalSince(event.commenceTime))
                }),
                let gameID = game.id
            else {
                result.unmatchedEvents.append("\(event.awayTeam) @ \(event.homeTeam) \(UpstreamTime.isoSeconds(event.commenceTime))")
                continue
            }
            result.matchedEvents += 1
            eventIDs[gameID] = event.id
            let fresh = snapshotsOf(event, gameID: gameID, sport: sport, isBackfill: isBackfill)
            guard let latestTime = fresh.map(\.recordedAt).max() else { continue }
            matched.append((gameID, fresh, latestTime))
        }
        // Append only prices newer than what is stored for the same book, market and outcome as of each game's newest
        // fresh price: one query for every game of the payload (two events of one game are read as of the later).
        var asOf: [Int: Date] = [:]
        for game in matched { asOf[game.gameID] = max(asOf[game.gameID] ?? game.latest, game.latest) }
        let stored = try await tx.odds.latest(for: asOf.map { GameAsOf(gameID: $0.key, asOf: $0.value) }, lookback: 7 * 86_400)
        var snapshots: [OddsSnapshot] = []
        for game in matched {
            var storedAt: [String: Date] = [:]
            for line in stored[game.gameID] ?? [] { storedAt["\(line.bookmaker)|\(line.market)|\(line.outcome)"] = line.recordedAt }
            snapshots += game.fresh.filter { snapshot in
                storedAt["\(snapshot.bookmaker)|\(snapshot.market)|\(snapshot.outcome)"].map { snapshot.recordedAt > $0 } ?? true
            }
        }
        result.snapshotsWritten = try await tx.odds.insert(snapshots)
        result.oddsGameIDs = Set(snapshots.map(\.gameID))
        // Player markets are served per event (`collect.prop_odds`), so the event id of each matched game is kept.
        try await tx.oddsAPIEvents.record(eventIDs)
    }

    /// The event's prices as decimal odds rows, outcomes named `home` / `away` / `draw` / `over` / `under`.
    private func snapshotsOf(_ event: OddsAPIEvent, gameID: Int, sport: CollectedSport, isBackfill: Bool) -> [OddsSnapshot] {
        let format = client.configuration.oddsFormat
        let home = teamNames.normalize(event.homeTeam)
        let away = teamNames.normalize(event.awayTeam)
        return event.bookmakers.flatMap { bookmaker in
            bookmaker.markets.filter { Self.markets.contains($0.key) }.flatMap { market in
                market.outcomes.compactMap { outcome -> OddsSnapshot? in
                    let name: String
                    switch teamNames.normalize(outcome.name) {
                    case home: name = "home"
                    case away: name = "away"
                    case "over": name = "over"
                    case "under": name = "under"
                    case "draw" where market.key == "h2h": name = "draw"
                    default: return nil
                    }
                    guard let price = format.decimalPrice(outcome.price) else { return nil }
                    return OddsSnapshot(
                        gameID: gameID, sport: sport.code, bookmaker: bookmaker.key, market: market.key, outcome: name, price: price,
                        point: outcome.point, recordedAt: market.lastUpdate ?? bookmaker.lastUpdate, isBackfill: isBackfill)
                }
            }
        }
    }
}
