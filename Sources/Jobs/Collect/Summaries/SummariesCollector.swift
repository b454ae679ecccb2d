import Essentials
import Foundation
import Logging
import Store

/// `collect.summaries`: ESPN game summaries → raw (hashed, once) → validate → `game_summaries`, for games
/// not started at fetch time the `pickcenter` lines as `odds` snapshots of books `espn-<provider>`, and for final
/// games their box scores (`player_game_points`, `pitcher_game_lines`, `team_game_stats`).
public struct SummariesCollector: Sendable {
    /// How far back a game may have started and still count as gone final in the last 24 hours: a day plus
    /// the longest game.
    static let recentStarts: TimeInterval = 30 * 3600

    private let client: ESPNClient
    private let store: Store
    private let now: @Sendable () -> Date

    /// A collector writing to `store`.
    public init(client: ESPNClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.now = now
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectSummaries, jobID: String, logger: Logger) async throws -> SummariesCollection {
        let sport = try CollectedSport.required(parameters.sport, source: ESPNClient.source)
        let games = try await selectGames(parameters, sport: sport)
        var fetched: [(Game, UpstreamResponse, ESPNSummary, BoxScoreRows)] = []
        for game in games {
            let response = try await client.summary(path: sport.espnPath, eventID: game.externalID, now: now())
            let (summary, rows) = try await RawIngestion.reading(
                response, isBackfill: false, jobID: jobID, in: store, logger: logger
            ) { () throws -> (ESPNSummary, BoxScoreRows) in
                let summary = try PayloadDecoder.decode(ESPNSummary.self, from: response)
                try Self.validate(summary, eventID: game.externalID, response: response)
                // Only a final game's box score is read: its lines no longer change, so each is stored once.
                guard summary.header.competitions[0].status.type.state == "post" else { return (summary, BoxScoreRows()) }
                var rows = BoxScoreRows()
                if Self.teamStatistics[sport.code] != nil {
                    let boxscore = try PayloadDecoder.decode(ESPNTeamBoxscore.self, from: response)
                    rows.teams = try Self.teamStats(boxscore, summary: summary, game: game, sport: sport.code, response: response)
                } else if sport.code == Self.pitchingSport {
                    let boxscore = try PayloadDecoder.decode(ESPNBoxscore.self, from: response)
                    rows.pitchers = try Self.starterLines(boxscore, summary: summary, game: game, response: response)
                } else if sport.code == Self.boxscoreSport {
                    let boxscore = try PayloadDecoder.decode(ESPNBoxscore.self, from: response)
                    rows.players = try Self.playerPoints(boxscore, summary: summary, game: game, response: response)
                }
                return (summary, rows)
            }
            fetched.append((game, response, summary, rows))
        }
        let read = SummariesCollection(applied: true, games: fetched.count, newPayloads: 0, summariesWritten: 0, snapshotsWritten: 0)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            for (game, response, summary, rows) in fetched {
                guard try await RawIngestion.store(response, isBackfill: false, jobID: jobID, in: tx) else { continue }
                result.newPayloads += 1
                let info = summary.gameInfo
                let row = GameSummary(
                    gameID: game.id!, attendance: info?.attendance, durationMinutes: info?.gameDuration.flatMap(Self.minutes),
                    venueName: info?.venue?.fullName,
                    officials: (info?.officials ?? []).map {
                        GameSummary.Official(name: $0.displayName, position: $0.position?.displayName)
                    },
                    fetchedAt: response.fetchedAt)
                if try await tx.gameSummaries.upsert(row) { result.summariesWritten += 1 }
                result.playerPointsWritten += try await tx.playerPoints.insert(rows.players)
                result.pitcherLinesWritten += try await tx.pitcherLines.insert(rows.pitchers)
                result.teamStatsWritten += try await tx.teamStats.insert(rows.teams)
                // Lines are point-in-time data only while the game is still to come: a started or final game's
                // pickcenter shows lines of an earlier, unknown moment, which stamped with the fetch time would
                // leak later prices into what the models read as known before the start. Those are skipped.
                let competition = summary.header.competitions[0]
                guard competition.status.type.state == "pre", competition.date > response.fetchedAt else { continue }
                let snapshots = (summary.pickcenter ?? []).flatMap {
                    Self.snapshots($0, game: game, recordedAt: response.fetchedAt)
                }
                let written = try await tx.odds.insert(snapshots)
                result.snapshotsWritten += written
                if written > 0 { result.oddsGameIDs.insert(game.id!) }
            }
            return result
        }
        return outcome.collection(read: read)
    }

    /// What a final game's box score gave: NBA players' points, MLB starters' lines, or football's, hockey's and
    /// soccer's team statistics.
    struct BoxScoreRows: Sendable {
        var players: [PlayerGamePoints] = []
        var pitchers: [PitcherGameLine] = []
        var teams: [TeamGameStats] = []
    }

    /// The sport whose players' box-score points are stored: NBA player points, for the player-points props.
    static let boxscoreSport = "nba"
    /// The sport whose starting pitchers' box-score lines are stored, for the starters' strikeout and walk features.
    static let pitchingSport = "mlb"

    /// The players' points of a final game's box score, each credited to the home or away team by the ESPN team id
    /// of its competitor. Checked as the types cannot: a `PTS` column, a known team, an integer id, and for a player
    /// who played a number of points.
    static func playerPoints(_ boxscore: ESPNBoxscore, summary: ESPNSummary, game: Game, response: UpstreamResponse) throws
        -> [PlayerGamePoints]
    {
        let fail = { (message: String) in invalid(response, message) }
        guard let gameID = game.id else { return [] }
        var lines: [PlayerGamePoints] = []
        for (team, teamID) in try creditedTeams(boxscore, summary: summary, game: game, response: response) {
            guard let statistics = team.statistics.first else { continue }
            guard let pointsColumn = statistics.names.firstIndex(of: "PTS") else {
                throw fail(".boxscore.players[\(team.team.id)].statistics[0].names has no PTS")
            }
            let minutesColumn = statistics.names.firstIndex(of: "MIN")
            for row in statistics.athletes {
                guard let playerID = Int(row.athlete.id) else { throw fail("athlete id \"\(row.athlete.id.prefix(20))\" is not a number") }
                // ESPN lists a player who sat out with no stats; one who played has a value in every column.
                if row.didNotPlay == true || row.stats.isEmpty {
                    lines.append(
                        PlayerGamePoints(
                            gameID: gameID, scheduledAt: game.scheduledAt, playerID: playerID, playerName: row.athlete.displayName,
                            teamID: teamID, didNotPlay: true, minutes: nil, points: nil))
                    continue
                }
                guard row.stats.count == statistics.names.count, let points = Int(row.stats[pointsColumn]), points >= 0 else {
                    throw fail("athlete \(playerID): stats \(row.stats.prefix(20)) do not match names \(statistics.names.prefix(20))")
                }
                lines.append(
                    PlayerGamePoints(
                        gameID: gameID, scheduledAt: game.scheduledAt, playerID: playerID, playerName: row.athlete.displayName,
                        teamID: teamID, didNotPlay: false, minutes: minutesColumn.flatMap { Int(row.stats[$0]) }, points: points))
            }
        }
        return lines
    }

    /// Each team's entry of a box score with the platform's team it is credited to: the home or away team, by the
    /// ESPN team id of its competitor. Refuses a team that is not in the game.
    static func creditedTeams(_ boxscore: ESPNBoxscore, summary: ESPNSummary, game: Game, response: UpstreamResponse) throws
        -> [(players: ESPNBoxscore.TeamPlayers, teamID: Int)]
    {
        let sides = Dictionary(
            summary.header.competitions[0].competitors.map { ($0.team.id, $0.homeAway) }, uniquingKeysWith: { first, _ in first })
        return try (boxscore.boxscore?.players ?? []).map { team in
            guard let side = sides[team.team.id] else { throw invalid(response, ".boxscore.players team \(team.team.id) is not in the game") }
            return (team, side == "home" ? game.homeTeamID : game.awayTeamID)
        }
    }

    /// An invalid-payload error about `response`.
    static func invalid(_ response: UpstreamResponse, _ message: String) -> CollectorError {
        CollectorError(.invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status, message: message)
    }

    /// The named games (all of the sport), or the sport's games that went final lately (or on a backfill's days)
    /// and have no summary.
    private func selectGames(_ parameters: CollectSummaries, sport: CollectedSport) async throws -> [Game] {
        guard let ids = parameters.gameIDs, !ids.isEmpty else {
            let end = now()
            return try await store.gameSummaries.finalGamesWithoutSummary(
                sport: sport.code, startedIn: parameters.days ?? end.addingTimeInterval(-Self.recentStarts)..<end)
        }
        var games: [Game] = []
        for id in ids {
            guard let game = try await store.games.find(id: id), game.sport == sport.code else {
                throw CollectorError(
                    .requestRejected, source: ESPNClient.source, endpoint: "", message: "no \(sport.code) game with id \(id)")
            }
            games.append(game)
        }
        return games
    }

    /// One provider's lines as snapshots: moneyline, spread (when priced) and total; prices ESPN leaves out
    /// or that are no American price are skipped.
    static func snapshots(_ pick: ESPNSummary.Pick, game: Game, recordedAt: Date) -> [OddsSnapshot] {
        let bookmaker = "espn-" + pick.provider.name.lowercased()
        var snapshots: [OddsSnapshot] = []
        func add(_ market: String, _ outcome: String, _ american: Double?, point: Double?) {
            guard let american, let price = OddsConversion.decimal(fromAmerican: american) else { return }
            snapshots.append(
                OddsSnapshot(
                    gameID: game.id!, sport: game.sport, bookmaker: bookmaker, market: market, outcome: outcome, price: price,
                    point: point, recordedAt: recordedAt, isBackfill: false))
        }
        add("h2h", "home", pick.homeTeamOdds?.moneyLine, point: nil)
        add("h2h", "away", pick.awayTeamOdds?.moneyLine, point: nil)
        if let spread = pick.spread {
            add("spreads", "home", pick.homeTeamOdds?.spreadOdds, point: spread)
            add("spreads", "away", pick.awayTeamOdds?.spreadOdds, point: -spread)
        }
        if let total = pick.overUnder {
            add("totals", "over", pick.overOdds, point: total)
            add("totals", "under", pick.underOdds, point: total)
        }
        return snapshots
    }

    /// What the types cannot check: the requested event, one home and one away competitor, numeric scores
    /// once started.
    private static func validate(_ summary: ESPNSummary, eventID: String, response: UpstreamResponse) throws {
        func fail(_ message: String) -> CollectorError {
            CollectorError(.invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status, message: message)
        }
        guard summary.header.id == eventID else { throw fail(".header.id is \"\(summary.header.id)\", expected \"\(eventID)\"") }
        guard let competition = summary.header.competitions.first else { throw fail(".header.competitions is empty") }
        let sides = competition.competitors.map(\.homeAway).sorted()
        guard sides == ["away", "home"] else { throw fail(".header.competitions[0] competitors are \(sides), expected home and away") }
        if competition.status.type.state != "pre" {
            for competitor in competition.competitors where competitor.score.flatMap({ Int($0) }) == nil {
                throw fail(
                    ".header.competitions[0] score \(competitor.score.map { "\"\($0)\"" } ?? "null") of \(competitor.team.displayName) is not a number"
                )
            }
        }
        if let duration = summary.gameInfo?.gameDuration, minutes(duration) == nil {
            throw fail(".gameInfo.gameDuration \"\(duration.prefix(20))\" is not H:MM")
        }
    }

    /// `H:MM` (`2:32`) in minutes.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0, (0..<60).contains(minutes) else {
            return nil
        }
        return hours * 60 + minutes
    }
}
