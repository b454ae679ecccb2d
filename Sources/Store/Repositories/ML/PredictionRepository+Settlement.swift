import Foundation
import Postgres

extension PredictionRepository {
    /// Games with pending predictions that can be settled now, oldest first: final games with both
    /// scores (that have a gradeable pending prediction — player props only once the game's Statcast or NBA box score is stored),
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
                                                    AND s.game_id = g.id)
                                       OR EXISTS (SELECT 1 FROM player_game_points b WHERE b.game_id = g.id))))
                   OR g.status IN ('cancelled', 'postponed'))
            ORDER BY g.scheduled_at, g.id
            LIMIT \(limit)
            """
        ).map(GameRepository.game)
    }

    /// Accuracy, CLV, ROI and sharp agreement of the settled and voided picks on games scheduled in `from..<to`,
    /// for every sport (or one): for all of it, by bet type, by tier, and by bet type and tier; the rows without
    /// a tier also carry the log loss, Brier and ECE of the settled forecasts (`forecastQuality`).
    ///
    /// Rows are ordered by sport, bet type and tier, each "all" (`nil`) first; the row with every
    /// field `nil` covers every sport and is present only when `sport` is `nil`. Every sport, and every
    /// sport and bet type, with a settled forecast has a row, even without a pick.
    ///
    /// Player props count only as priced picks (a prop forecast is not a pick): grading an "over" forecast of 30 %
    /// as a lost pick would drag accuracy down for nothing.
    public func performance(sport: String? = nil, from: Date, to: Date) async throws -> [PredictionPerformance] {
        var rows = try await database.query(
            """
            SELECT p.sport, p.bet_type, p.tier,
                   count(*) FILTER (WHERE p.result = 'win') AS wins,
                   count(*) FILTER (WHERE p.result = 'loss') AS losses,
                   count(*) FILTER (WHERE p.result = 'push') AS pushes,
                   count(*) FILTER (WHERE p.status = 'void') AS voids,
                   avg(p.clv) FILTER (WHERE p.status = 'settled') AS mean_clv,
                   count(p.clv) FILTER (WHERE p.status = 'settled') AS clv_count,
                   avg(p.fair_clv) FILTER (WHERE p.status = 'settled') AS mean_fair_clv,
                   count(p.fair_clv) FILTER (WHERE p.status = 'settled') AS fair_clv_count,
                   coalesce(sum(p.profit) FILTER (WHERE p.status = 'settled'), 0) AS profit,
                   coalesce(sum(p.stake) FILTER (WHERE p.result IN ('win', 'loss')), 0) AS staked,
                   (avg(p.sharp_agreement::int) FILTER (WHERE p.status = 'settled'))::float8 AS sharp_agreement,
                   count(p.sharp_agreement) FILTER (WHERE p.status = 'settled') AS sharp_count
            FROM predictions p JOIN games g ON g.id = p.game_id
            WHERE p.pick AND p.status IN ('settled', 'void') AND (p.bet_type <> 'player_prop' OR p.price IS NOT NULL)
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
                meanFairCLV: try row.decode("mean_fair_clv"), fairCLVCount: try row.decode("fair_clv_count"),
                profit: try row.decode("profit"), staked: try row.decode("staked"),
                sharpAgreement: try row.decode("sharp_agreement"), sharpCount: try row.decode("sharp_count"))
        }
        // Without any pick the grouping sets still yield the all-sports row; drop it when a sport was asked for.
        if sport != nil { rows.removeAll { $0.sport == nil } }
        let quality = try await forecastQuality(sport: sport, from: from, to: to)
        for (key, forecast) in quality {
            if let index = rows.firstIndex(where: { $0.sport == key.sport && $0.betType == key.betType && $0.tier == nil }) {
                rows[index] = rows[index].with(forecast)
            } else {
                rows.append(PredictionPerformance(sport: key.sport, betType: key.betType, forecast: forecast))
            }
        }
        return rows.sorted { a, b in
            func key(_ row: PredictionPerformance) -> [String] {
                [row.sport ?? "", row.betType?.rawValue ?? "", row.tier?.rawValue ?? ""]
            }
            return key(a).lexicographicallyPrecedes(key(b))
        }
    }

    /// Which forecasts a `ForecastQuality` covers: a sport (`nil`: every sport) and a bet type (`nil`: every one).
    public struct ForecastGroup: Hashable, Sendable {
        /// The sport; `nil`: every sport.
        public var sport: String?
        /// The bet type; `nil`: every bet type.
        public var betType: BetType?
    }

    /// Log loss, Brier and ECE of the settled forecasts (one per game, market, model and publication, picked or
    /// not; pushes left out) on games scheduled in `from..<to`: for every sport (only when `sport` is `nil`), per
    /// sport, and per sport and bet type. Groups without a forecast are absent.
    public func forecastQuality(sport: String? = nil, from: Date, to: Date) async throws -> [ForecastGroup: ForecastQuality] {
        // One row per forecast: rows stored before picks carry both sides of a market; either scores the same.
        let rows = try await database.query(
            """
            SELECT DISTINCT ON (p.game_id, p.model_id, p.bet_type, p.publication)
                   p.sport, p.bet_type, p.probability, p.result = 'win' AS won
            FROM predictions p JOIN games g ON g.id = p.game_id
            WHERE p.status = 'settled' AND p.result IN ('win', 'loss') AND p.bet_type <> 'player_prop'
              AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
              AND (\(sport)::text IS NULL OR p.sport = \(sport))
            ORDER BY p.game_id, p.model_id, p.bet_type, p.publication, p.pick DESC, p.id
            """
        ).map { row in
            (sport: try row.decode(String.self, "sport"), betType: try row.decode(BetType.self, "bet_type"),
             probability: try row.decode(Double.self, "probability"), won: try row.decode(Bool.self, "won"))
        }
        var groups: [ForecastGroup: (probabilities: [Double], outcomes: [Bool])] = [:]
        for row in rows {
            var keys = [ForecastGroup(sport: row.sport, betType: nil), ForecastGroup(sport: row.sport, betType: row.betType)]
            if sport == nil { keys.append(ForecastGroup(sport: nil, betType: nil)) }
            for key in keys {
                groups[key, default: ([], [])].probabilities.append(row.probability)
                groups[key, default: ([], [])].outcomes.append(row.won)
            }
        }
        return groups.mapValues { ForecastQuality(probabilities: $0.probabilities, outcomes: $0.outcomes) }
    }

    /// The settled picks of `sport` on games scheduled in `from..<to`, with their games' teams
    /// and scores, in order of game start and id; forecasts that are not picks, and player props without a price, are
    /// left out.
    public func graded(sport: String, from: Date, to: Date) async throws -> [GradedPrediction] {
        try await database.query(
            """
            SELECT p.*, g.scheduled_at AS game_scheduled_at, g.home_score AS game_home_score,
                   g.away_score AS game_away_score, home.name AS home_team_name, away.name AS away_team_name
            FROM predictions p
            JOIN games g ON g.id = p.game_id
            JOIN teams home ON home.id = g.home_team_id
            JOIN teams away ON away.id = g.away_team_id
            WHERE p.sport = \(sport) AND p.pick AND p.status = 'settled' AND (p.bet_type <> 'player_prop' OR p.price IS NOT NULL)
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
