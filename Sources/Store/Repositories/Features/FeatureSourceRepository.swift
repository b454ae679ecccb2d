import Foundation
import Postgres

/// Point-in-time reads for the featurizer: each returns only what was known before its `asOf`.
///
/// The reads are set-based: a featurize run asks once per sport for the finished games, and once per batch of
/// games for their odds and weather (each game with its own `asOf`), then computes features in memory.
///
/// `games` keeps no end time and no history of scores, so a game counts as known once it is final and its
/// scheduled start lies `resultDelay` before `asOf` (a score corrected later than that is the one risk left).
public struct FeatureSourceRepository: Sendable {
    /// How long after its scheduled start a final game's result counts as known.
    public static let resultDelay: TimeInterval = 4 * 3600
    /// The time zone of Statcast's game dates and of its daily publication.
    public static let statcastTimeZone = "America/New_York"

    private let database: any PostgresDatabase

    /// A repository over `database` (a pool, or a connection inside a transaction).
    public init(database: any PostgresDatabase) {
        self.database = database
    }

    /// Every final game of `sport` with both scores whose result was known before `asOf`, in start order.
    public func finishedGames(sport: String, asOf: Date) async throws -> [Game] {
        try await database.query(
            """
            SELECT * FROM games
            WHERE sport = \(sport) AND status = 'final' AND home_score IS NOT NULL AND away_score IS NOT NULL
              AND scheduled_at + interval '4 hours' <= \(asOf)
            ORDER BY scheduled_at, id
            """
        ).map(GameRepository.game)
    }

    /// Every starting-pitcher sighting of `sport`'s games first seen before `asOf`, oldest first: the whole
    /// history a run needs (who was announced for each game at each point in time), in one read.
    public func starters(sport: String, asOf: Date) async throws -> [GameStarter] {
        try await database.query(
            """
            SELECT s.* FROM game_starters s JOIN games g ON g.id = s.game_id
            WHERE g.sport = \(sport) AND s.first_seen_at < \(asOf)
            ORDER BY s.first_seen_at, s.id
            """
        ).map(GameStarterRepository.starter)
    }

    /// Every starting pitcher's box-score line of `sport`'s games whose result was known before `asOf` (its start
    /// `resultDelay` before), in start order.
    public func pitcherLines(sport: String, asOf: Date) async throws -> [PitcherGameLine] {
        try await database.query(
            """
            SELECT p.*, g.scheduled_at FROM pitcher_game_lines p JOIN games g ON g.id = p.game_id
            WHERE g.sport = \(sport) AND g.scheduled_at + interval '4 hours' <= \(asOf)
            ORDER BY g.scheduled_at, p.game_id, p.athlete_id
            """
        ).map(PitcherGameLineRepository.line)
    }

    /// Every team's box-score statistics of `sport`'s games whose result was known before `asOf` (their start
    /// `resultDelay` before), in start order.
    public func teamStats(sport: String, asOf: Date) async throws -> [TeamGameStats] {
        try await database.query(
            """
            SELECT s.game_id, s.team_id, s.stats, g.scheduled_at FROM team_game_stats s JOIN games g ON g.id = s.game_id
            WHERE g.sport = \(sport) AND g.scheduled_at + interval '4 hours' <= \(asOf)
            ORDER BY g.scheduled_at, s.game_id, s.team_id
            """
        ).map(TeamGameStatsRepository.stats)
    }

    /// Per requested game, each book's first and latest snapshot of every market and outcome (or of `market` alone)
    /// recorded before that game's `asOf`.
    public func oddsLines(for requests: [GameAsOf], market: String? = nil) async throws -> [OddsLine] {
        // Both ends come from one pass over each game's snapshots before its asOf (odds_game_recorded_at).
        try await perGame(requests, row: Self.oddsLine) { requests in
            """
            WITH requested AS (
                SELECT * FROM unnest(\(requests.map(\.gameID))::bigint[], \(requests.map(\.asOf))::timestamptz[]) AS r(game_id, as_of)
            ), known AS (
                SELECT o.game_id, o.bookmaker, o.market, o.outcome, o.price, o.point, o.recorded_at,
                       row_number() OVER (PARTITION BY o.game_id, o.bookmaker, o.market, o.outcome
                                          ORDER BY o.recorded_at, o.id) AS from_first,
                       row_number() OVER (PARTITION BY o.game_id, o.bookmaker, o.market, o.outcome
                                          ORDER BY o.recorded_at DESC, o.id DESC) AS from_last
                FROM requested r JOIN odds o ON o.game_id = r.game_id AND o.recorded_at < r.as_of
                WHERE \(market)::text IS NULL OR o.market = \(market)
            )
            SELECT f.game_id, f.bookmaker, f.market, f.outcome,
                   f.price AS open_price, f.point AS open_point, f.recorded_at AS opened_at,
                   l.price AS current_price, l.point AS current_point, l.recorded_at AS current_at
            FROM known f JOIN known l USING (game_id, bookmaker, market, outcome)
            WHERE f.from_first = 1 AND l.from_last = 1
            ORDER BY f.game_id, f.market, f.bookmaker, f.outcome
            """
        }
    }

    private static func oddsLine(_ row: PostgresRow) throws -> OddsLine {
        OddsLine(
            gameID: try row.decode("game_id"), bookmaker: try row.decode("bookmaker"), market: try row.decode("market"),
            outcome: try row.decode("outcome"), openPrice: try row.decode("open_price"), openPoint: try row.decode("open_point"),
            openedAt: try row.decode("opened_at"), currentPrice: try row.decode("current_price"),
            currentPoint: try row.decode("current_point"), currentAt: try row.decode("current_at"))
    }

    /// Per requested game, the latest weather observation or forecast issued before that game's `asOf`.
    public func weather(for requests: [GameAsOf]) async throws -> [WeatherObservation] {
        try await perGame(requests, row: WeatherRepository.observation) { requests in
            """
            SELECT DISTINCT ON (w.game_id) w.*
            FROM unnest(\(requests.map(\.gameID))::bigint[], \(requests.map(\.asOf))::timestamptz[]) AS r(game_id, as_of)
            JOIN weather w ON w.game_id = r.game_id AND w.observed_at < r.as_of
            ORDER BY w.game_id, w.observed_at DESC, w.id DESC
            """
        }
    }

    /// Per requested game whose sport had an injury list collected before its `asOf`, each team's players on
    /// that list then (`InjuryRepository.listed`'s rule, for both teams of every game at once, strictly before
    /// `asOf`), zero counts included.
    /// A game of a sport whose injuries were not collected yet gets no rows: unknown, not zero.
    public func injuryCounts(for requests: [GameAsOf]) async throws -> [TeamInjuryCount] {
        try await perGame(requests, row: Self.injuryCount) { requests in
            """
            WITH sides AS (
                SELECT r.game_id, r.as_of, g.sport, side.team_id
                FROM unnest(\(requests.map(\.gameID))::bigint[], \(requests.map(\.asOf))::timestamptz[]) AS r(game_id, as_of)
                JOIN games g ON g.id = r.game_id
                CROSS JOIN LATERAL (VALUES (g.home_team_id), (g.away_team_id)) AS side(team_id)
                WHERE EXISTS (SELECT 1 FROM injuries i WHERE i.sport = g.sport AND i.first_seen_at < r.as_of)
            )
            SELECT s.game_id, s.team_id,
                   count(listed.status) FILTER (WHERE listed.status NOT ILIKE 'day-to-day') AS out_count,
                   count(listed.status) FILTER (WHERE listed.status ILIKE 'day-to-day') AS day_to_day_count
            FROM sides s
            LEFT JOIN LATERAL (
                SELECT latest.status FROM (
                    SELECT DISTINCT ON (injury_id) * FROM injuries
                    WHERE team_id = s.team_id AND first_seen_at < s.as_of
                    ORDER BY injury_id, reported_at DESC, id DESC
                ) latest
                WHERE latest.last_seen_at >= coalesce((
                    SELECT max(i.last_seen_at) FROM injuries i
                    WHERE i.sport = latest.sport AND i.source = latest.source AND i.last_seen_at < s.as_of), '-infinity')
            ) listed ON true
            GROUP BY s.game_id, s.team_id
            ORDER BY s.game_id, s.team_id
            """
        }
    }

    private static func injuryCount(_ row: PostgresRow) throws -> TeamInjuryCount {
        TeamInjuryCount(
            gameID: try row.decode("game_id"), teamID: try row.decode("team_id"), out: try row.decode("out_count"),
            dayToDay: try row.decode("day_to_day_count"))
    }

    /// Batted-ball sums per batter and stored game, for games dated from `from`'s Eastern day up to, not
    /// including, `asOf`'s Eastern day (a day's Statcast is published the morning after).
    public func batterGames(from: Date, asOf: Date) async throws -> [BatterGameStatcast] {
        try await database.query(
            """
            SELECT s.game_id, s.game_date, g.home_team_id, g.away_team_id, s.batter_id,
                   count(s.launch_speed_mph) AS batted_balls, coalesce(sum(s.launch_speed_mph), 0) AS exit_velocity_sum,
                   count(*) FILTER (WHERE s.launch_speed_mph >= 95) AS hard_hit_balls,
                   count(s.expected_woba) AS xwoba_balls, coalesce(sum(s.expected_woba), 0) AS xwoba_sum
            FROM statcast s JOIN games g ON g.id = s.game_id
            WHERE s.game_date >= (\(from)::timestamptz AT TIME ZONE \(Self.statcastTimeZone))::date
              AND s.game_date < (\(asOf)::timestamptz AT TIME ZONE \(Self.statcastTimeZone))::date
            GROUP BY s.game_id, s.game_date, g.home_team_id, g.away_team_id, s.batter_id
            ORDER BY s.game_date, s.game_id, s.batter_id
            """
        ).map { row in
            BatterGameStatcast(
                gameID: try row.decode("game_id"), gameDate: try row.decode("game_date"), homeTeamID: try row.decode("home_team_id"),
                awayTeamID: try row.decode("away_team_id"), batterID: try row.decode("batter_id"),
                battedBalls: try row.decode("batted_balls"), exitVelocitySum: try row.decode("exit_velocity_sum"),
                hardHitBalls: try row.decode("hard_hit_balls"), expectedWOBABalls: try row.decode("xwoba_balls"),
                expectedWOBASum: try row.decode("xwoba_sum"))
        }
    }

    /// The rows of the read `query` makes for `requests`, decoded by `row`; no requests read nothing. The query gets
    /// one request per game: a game asked for twice is read as of its earlier point in time, so a duplicate can only
    /// make a read see less, never more.
    private func perGame<T>(
        _ requests: [GameAsOf], row: (PostgresRow) throws -> T, _ query: ([GameAsOf]) -> PostgresQuery
    ) async throws -> [T] {
        guard !requests.isEmpty else { return [] }
        var earliest: [Int: Date] = [:]
        for request in requests { earliest[request.gameID] = min(earliest[request.gameID] ?? request.asOf, request.asOf) }
        let onePerGame = earliest.map { GameAsOf(gameID: $0.key, asOf: $0.value) }.sorted { $0.gameID < $1.gameID }
        return try await database.query(query(onePerGame)).map(row)
    }
}
