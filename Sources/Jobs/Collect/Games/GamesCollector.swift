import Foundation
import Logging
import Postgres
import Store

/// `collect.games`: ESPN scoreboards → raw (hashed, once) → validate → `teams` (venues from the catalog), `games`,
/// and baseball's announced starting pitchers → `game_starters` (each first seen when the scoreboard was fetched).
public struct GamesCollector: Sendable {
    private let client: ESPNClient
    private let store: Store
    private let venues: VenueCatalog
    private let now: @Sendable () -> Date
    private static let eastern = TimeZone(identifier: "America/New_York")!
    /// How many days past today a run without dates collects: books open a game's moneyline a day or two before it
    /// (the sandbox's 48 hours), and the odds collector can only store the prices of a game already collected, so a
    /// game's opening prices, and a prediction published at the open, need its scoreboard that early.
    static let daysAhead = 2

    /// A collector writing to `store`.
    public init(client: ESPNClient, store: Store, venues: VenueCatalog, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.venues = venues
        self.now = now
    }

    /// A collector reading ESPN as `configuration` says, with its venues and clock.
    public init(configuration: CollectorConfiguration, store: Store, upstream: UpstreamClient) {
        self.init(
            client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, venues: configuration.venues,
            now: configuration.now)
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectGames, jobID: String, logger: Logger) async throws -> GamesCollection {
        let sport = try CollectedSport.required(parameters.sport, source: ESPNClient.source)
        let isBackfill = parameters.isBackfill ?? false
        let today = now()
        let dates =
            parameters.dates.flatMap { $0.isEmpty ? nil : $0 }
            ?? (-1...Self.daysAhead).map { UpstreamTime.yyyymmdd(today.addingTimeInterval(Double($0) * 86_400), timeZone: Self.eastern) }
        var fetched: [(UpstreamResponse, ESPNScoreboard)] = []
        for date in dates {
            let response = try await client.scoreboard(path: sport.espnPath, date: date, now: now())
            let scoreboard = try await RawIngestion.reading(response, isBackfill: isBackfill, jobID: jobID, in: store, logger: logger) {
                let scoreboard = try PayloadDecoder.decode(ESPNScoreboard.self, from: response)
                try Self.validate(scoreboard, response: response)
                return scoreboard
            }
            fetched.append((response, scoreboard))
        }
        let read = GamesCollection(applied: true, payloads: fetched.count, newPayloads: 0, gamesWritten: 0)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            // Scoreboards of different days share teams, written in event order: without one order of locks,
            // two jobs running at once deadlock on each other's team rows.
            try await tx.teams.lockForWrites(sport: sport.code)
            for (response, scoreboard) in fetched {
                guard try await RawIngestion.store(response, isBackfill: isBackfill, jobID: jobID, in: tx) else { continue }
                result.newPayloads += 1
                for event in scoreboard.events {
                    let gameID = try await write(
                        event, sport: sport, seenAt: Self.starterSeenAt(
                            fetchedAt: response.fetchedAt, start: event.date, isBackfill: isBackfill, lead: client.configuration.backfillStarterLead),
                        into: tx)
                    result.gamesWritten += 1
                    result.writtenGameIDs.insert(gameID)
                }
            }
            return result
        }
        return outcome.collection(read: read)
    }

    /// Values the types cannot check: one home and one away competitor, numeric scores once started.
    private static func validate(_ scoreboard: ESPNScoreboard, response: UpstreamResponse) throws {
        for (index, event) in scoreboard.events.enumerated() {
            func fail(_ message: String) -> CollectorError {
                CollectorError(
                    .invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status,
                    message: ".events[\(index)] \(message)")
            }
            guard let competition = event.competitions.first else { throw fail("has no competition") }
            let sides = competition.competitors.map(\.homeAway).sorted()
            guard sides == ["away", "home"] else { throw fail("competitors are \(sides), expected home and away") }
            if event.status.type.state != "pre" {
                for competitor in competition.competitors where competitor.score.flatMap({ Int($0) }) == nil {
                    throw fail("score \(competitor.score.map { "\"\($0)\"" } ?? "null") of \(competitor.team.displayName) is not a number")
                }
            }
        }
    }

    /// When the starters of a game starting at `start` count as seen, for a scoreboard fetched at `fetchedAt`: a
    /// backfill's at most `lead` before the start (``ESPNConfiguration/backfillStarterLead``).
    static func starterSeenAt(fetchedAt: Date, start: Date, isBackfill: Bool, lead: TimeInterval) -> Date {
        isBackfill ? min(fetchedAt, start.addingTimeInterval(-lead)) : fetchedAt
    }

    /// Writes one event's teams and game, and the starters it announces as seen at `seenAt`; returns the game's id.
    @discardableResult
    func write(_ event: ESPNScoreboard.Event, sport: CollectedSport, seenAt: Date, into tx: PostgresConnection) async throws -> Int {
        let competition = event.competitions[0]
        let venue = competition.venue.flatMap { venues.venue(named: $0.fullName) }
        var teamIDs: [String: Int] = [:]
        var scores: [String: Int] = [:]
        for competitor in competition.competitors {
            let isHome = competitor.homeAway == "home" && competition.neutralSite != true
            let existing = try await tx.teams.find(sport: sport.code, externalID: competitor.team.id)
            // A team's venue is learned from its home games; an away game must not erase it.
            let team = Team(
                sport: sport.code, externalID: competitor.team.id, name: competitor.team.displayName,
                abbreviation: competitor.team.abbreviation, venue: isHome ? (venue ?? existing?.venue) : existing?.venue)
            teamIDs[competitor.homeAway] = try await tx.teams.upsert(team)
            scores[competitor.homeAway] = competitor.score.flatMap { Int($0) }
        }
        let state = event.status.type
        let status: GameStatus
        switch (state.name, state.state) {
        case ("STATUS_POSTPONED", _): status = .postponed
        case ("STATUS_CANCELED", _), ("STATUS_CANCELLED", _): status = .cancelled
        case (_, "post") where state.completed: status = .final
        case (_, "in"): status = .inProgress
        default: status = .scheduled
        }
        let started = status == .inProgress || status == .final
        // Baseball's line score has one entry per inning played; other sports' periods are not innings.
        let innings = sport.code == "mlb" && started ? competition.competitors.map { $0.linescores?.count ?? 0 }.max() : nil
        let gameID = try await tx.games.upsert(
            Game(
                sport: sport.code, externalID: event.id, season: event.season?.year, homeTeamID: teamIDs["home"]!,
                awayTeamID: teamIDs["away"]!, scheduledAt: event.date, status: status, homeScore: started ? scores["home"] : nil,
                awayScore: started ? scores["away"] : nil, isNeutralSite: competition.neutralSite ?? false,
                innings: innings.flatMap { $0 > 0 ? $0 : nil }))
        for competitor in competition.competitors {
            guard let pitcher = competitor.probableStartingPitcher, let teamID = teamIDs[competitor.homeAway] else { continue }
            try await tx.gameStarters.record(
                GameStarter(
                    gameID: gameID, teamID: teamID, source: ESPNClient.source, athleteID: pitcher.id, athleteName: pitcher.name,
                    firstSeenAt: seenAt))
        }
        return gameID
    }
}
