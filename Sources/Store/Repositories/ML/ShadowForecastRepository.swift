import Foundation
import Postgres

/// `shadow_forecasts`: what shadow models forecast while their promotion requests wait.
///
/// The table is read only here and by the promotion review; predictions, picks, performance reports and the hash
/// chain read `predictions`, so a shadow forecast can never be published.
public struct ShadowForecastRepository: Sendable {
    let database: any PostgresDatabase

    /// A forecast waiting for its game's score, with what grading it needs.
    public struct Ungraded: Sendable, Equatable {
        /// The forecast.
        public var forecast: ShadowForecast
        /// The game's sport.
        public var sport: String
        /// The home team's final score.
        public var homeScore: Int
        /// The away team's final score.
        public var awayScore: Int
    }

    /// Stores forecasts; a model's second forecast of a game is ignored. Returns how many were stored.
    @discardableResult
    public func insert(_ forecasts: [ShadowForecast]) async throws -> Int {
        var stored = 0
        for f in forecasts {
            stored += try await database.query(
                """
                INSERT INTO shadow_forecasts (model_id, game_id, champion_id, bet_type, line, probability, champion_probability,
                                              forecast_at)
                VALUES (\(f.modelID), \(f.gameID), \(f.championID), \(f.betType), \(f.line), \(f.probability), \(f.championProbability),
                        \(f.forecastAt))
                ON CONFLICT (model_id, game_id) DO NOTHING
                """
            ).affectedRows
        }
        return stored
    }

    /// Which of `gameIDs` model `modelID` has already forecast.
    public func forecastGameIDs(modelID: Int, gameIDs: [Int]) async throws -> Set<Int> {
        guard !gameIDs.isEmpty else { return [] }
        return Set(
            try await database.query(
                "SELECT game_id FROM shadow_forecasts WHERE model_id = \(modelID) AND game_id = ANY(\(gameIDs)::bigint[])"
            ).map { row in try row.decode(Int.self, "game_id") })
    }

    /// Every forecast of `modelID`, oldest first.
    public func forecasts(modelID: Int) async throws -> [ShadowForecast] {
        try await database.query("SELECT * FROM shadow_forecasts WHERE model_id = \(modelID) ORDER BY forecast_at, game_id").map(
            Self.forecast)
    }

    /// Ungraded forecasts of final games with both scores (of `sport` when given), at most `limit`.
    public func ungraded(sport: String? = nil, limit: Int = 1_000) async throws -> [Ungraded] {
        try await database.query(
            """
            SELECT s.*, g.sport, g.home_score, g.away_score FROM shadow_forecasts s JOIN games g ON g.id = s.game_id
            WHERE s.result IS NULL AND g.status = 'final' AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL
              AND (\(sport)::text IS NULL OR g.sport = \(sport))
            ORDER BY g.scheduled_at, s.game_id, s.model_id
            LIMIT \(limit)
            """
        ).map { row in
            Ungraded(
                forecast: try Self.forecast(row), sport: try row.decode("sport"), homeScore: try row.decode("home_score"),
                awayScore: try row.decode("away_score"))
        }
    }

    /// Records the result of model `modelID`'s forecast of `gameID`, once; false if it was graded already.
    @discardableResult
    public func grade(modelID: Int, gameID: Int, result: PredictionResult) async throws -> Bool {
        try await database.query(
            """
            UPDATE shadow_forecasts SET result = \(result), graded_at = now()
            WHERE model_id = \(modelID) AND game_id = \(gameID) AND result IS NULL
            """
        ).affectedRows == 1
    }

    /// The shadow model `modelID` against the champions it ran beside, on the settled games.
    public func comparison(modelID: Int) async throws -> ShadowComparison {
        let forecasts = try await forecasts(modelID: modelID)
        let settled = forecasts.filter { $0.result == .win || $0.result == .loss }
        let paired = settled.filter { $0.championProbability != nil }
        return ShadowComparison(
            forecasts: forecasts.count,
            shadow: ForecastQuality(probabilities: settled.map(\.probability), outcomes: settled.map { $0.result == .win }),
            pairedShadow: ForecastQuality(probabilities: paired.map(\.probability), outcomes: paired.map { $0.result == .win }),
            pairedChampion: ForecastQuality(
                probabilities: paired.compactMap(\.championProbability), outcomes: paired.map { $0.result == .win }))
    }

    static func forecast(_ row: PostgresRow) throws -> ShadowForecast {
        ShadowForecast(
            modelID: try row.decode("model_id"), gameID: try row.decode("game_id"), championID: try row.decode("champion_id"),
            betType: try row.decode("bet_type"), line: try row.decode("line"), probability: try row.decode("probability"),
            championProbability: try row.decode("champion_probability"), forecastAt: try row.decode("forecast_at"),
            result: try row.decode("result"))
    }
}
