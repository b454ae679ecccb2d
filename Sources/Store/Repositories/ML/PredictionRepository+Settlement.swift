import Foundation

extension PredictionRepository {
    /// Games with pending predictions that can be settled now, oldest first: final games with both
    /// scores (that have a gradeable pending prediction — player props only once the game's Statcast is stored),
    /// and cancelled or postponed games, whose pending predictions are voided.
    ///
    /// - Parameters:
    ///   - sport: Only this sport; `nil`: every sport.
    ///   - gameID: Only this game; `nil`: every game.
    ///   - limit: At most this many games, so one run stays bounded after an outage; the rest wait for the next.
    public func gamesToSettle(sport: String? = nil, gameID: Int? = nil, limit: Int = 1_000) async throws -> [Game] {
        // Driven from the partial index of pending predictions, which stays small whatever the history.
        try await database.query(
            """
            SELECT g.* FROM games g
            WHERE g.id IN (
                    SELECT p.game_id FROM predictions p
                    WHERE p.status = 'pending' AND (\(sport)::text IS NULL OR p.sport = \(sport))
                      AND (\(gameID)::bigint IS NULL OR p.game_id = \(gameID)))
              AND ((g.status = 'final' AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL
                    AND EXISTS (SELECT 1 FROM predictions p
                                WHERE p.game_id = g.id AND p.status = 'pending'
                                  AND (p.bet_type <> 'player_prop'
                                       OR EXISTS (SELECT 1 FROM statcast s
                                                  WHERE s.game_date = (g.scheduled_at AT TIME ZONE 'America/New_York')::date
                                                    AND s.game_id = g.id))))
                   OR g.status IN ('cancelled', 'postponed'))
            ORDER BY g.scheduled_at, g.id
            LIMIT \(limit)
            """
        ).map(GameRepository.game)
    }

    /// Accuracy, CLV and ROI of the settled and voided predictions on games scheduled in `from..<to`,
    /// for every sport (or one): for all of it, by bet type, by tier, and by bet type and tier.
    ///
    /// Rows are ordered by sport, bet type and tier, each "all" (`nil`) first; the row with every
    /// field `nil` covers every sport and is present only when `sport` is `nil`.
    ///
    /// Player props are left out: until prop prices are collected they are forecasts without a price or
    /// stake, and grading an "over" forecast of 30 % as a lost pick would drag accuracy down for nothing.
    public func performance(sport: String? = nil, from: Date, to: Date) async throws -> [PredictionPerformance] {
        try await database.query(
            """
            SELECT p.sport, p.bet_type, p.tier,
                   count(*) FILTER (WHERE p.result = 'win') AS wins,
                   count(*) FILTER (WHERE p.result = 'loss') AS losses,
                   count(*) FILTER (WHERE p.result = 'push') AS pushes,
                   count(*) FILTER (WHERE p.status = 'void') AS voids,
                   avg(p.clv) FILTER (WHERE p.status = 'settled') AS mean_clv,
                   count(p.clv) FILTER (WHERE p.status = 'settled') AS clv_count,
                   coalesce(sum(p.profit) FILTER (WHERE p.status = 'settled'), 0) AS profit,
                   coalesce(sum(p.stake) FILTER (WHERE p.result IN ('win', 'loss')), 0) AS staked
            FROM predictions p JOIN games g ON g.id = p.game_id
            WHERE p.status IN ('settled', 'void') AND p.bet_type <> 'player_prop'
              AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
              AND (\(sport)::text IS NULL OR p.sport = \(sport))
            GROUP BY GROUPING SETS ((), (p.sport), (p.sport, p.bet_type), (p.sport, p.tier), (p.sport, p.bet_type, p.tier))
            HAVING \(sport)::text IS NULL OR GROUPING(p.sport) = 0
            ORDER BY p.sport NULLS FIRST, p.bet_type NULLS FIRST, p.tier NULLS FIRST
            """
        ).map { row in
            PredictionPerformance(
                sport: try row.decode("sport"), betType: try row.decode("bet_type"), tier: try row.decode("tier"),
                wins: try row.decode("wins"), losses: try row.decode("losses"), pushes: try row.decode("pushes"),
                voids: try row.decode("voids"), meanCLV: try row.decode("mean_clv"), clvCount: try row.decode("clv_count"),
                profit: try row.decode("profit"), staked: try row.decode("staked"))
        }
    }

    /// The settled predictions of `sport` on games scheduled in `from..<to`, with their games' teams
    /// and scores, in order of game start and id; player props (forecasts, not bets) are left out.
    public func graded(sport: String, from: Date, to: Date) async throws -> [GradedPrediction] {
        try await database.query(
            """
            SELECT p.*, g.scheduled_at AS game_scheduled_at, g.home_score AS game_home_score,
                   g.away_score AS game_away_score, home.name AS home_team_name, away.name AS away_team_name
            FROM predictions p
            JOIN games g ON g.id = p.game_id
            JOIN teams home ON home.id = g.home_team_id
            JOIN teams away ON away.id = g.away_team_id
            WHERE p.sport = \(sport) AND p.status = 'settled' AND p.bet_type <> 'player_prop'
              AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
            ORDER BY g.scheduled_at, p.id
            """
        ).map { row in
            GradedPrediction(
                prediction: try Self.prediction(row), homeTeam: try row.decode("home_team_name"),
                awayTeam: try row.decode("away_team_name"), homeScore: try row.decode("game_home_score"),
                awayScore: try row.decode("game_away_score"), gameScheduledAt: try row.decode("game_scheduled_at"))
        }
    }
}
