import Foundation
import Postgres

/// Point-in-time reads of batters' game lines from `statcast`, and of the player props already predicted.
public struct PlayerPropRepository: Sendable {
    /// How long after its scheduled start a game's Statcast lines count as known (as for final scores).
    public static let resultDelay: TimeInterval = 4 * 3600

    let database: any PostgresDatabase


    /// Every batter's line in the games scheduled from `from` whose result was known before `asOf`
    /// (start + `resultDelay` ≤ `asOf`), in start order. Batters without a plate appearance are left out.
    public func batterGames(from: Date, asOf: Date) async throws -> [BatterGameHits] {
        try await lines(gameID: nil, from: from, asOf: asOf)
    }

    /// Every batter's line in one game (for grading its props), whenever it was read.
    public func batterGames(gameID: Int) async throws -> [BatterGameHits] {
        try await lines(gameID: gameID, from: nil, asOf: nil)
    }

    /// The `(selection, line)` pairs of the player props already predicted for a game, by any model.
    public func predictedProps(gameID: Int) async throws -> [PredictedProp] {
        try await database.query(
            "SELECT selection, line FROM predictions WHERE game_id = \(gameID) AND bet_type = 'player_prop'"
        ).map { row in PredictedProp(selection: try row.decode("selection"), line: try row.decode("line")) }
    }

    /// The newest `limit` settled props of `sport` that carry the model's and the market's P(Over)
    /// (`model_over`, `market_over` among their component probabilities), graded before `asOf`.
    public func settledPricedForecasts(sport: String, asOf: Date, limit: Int) async throws -> [SettledPropForecast] {
        try await database.query(
            """
            SELECT (component_probabilities->>'model_over')::float8 AS model_over,
                   (component_probabilities->>'market_over')::float8 AS market_over,
                   (selection LIKE '%:hits_over' OR selection LIKE '%:points_over') = (result = 'win') AS over
            FROM predictions
            WHERE sport = \(sport) AND bet_type = 'player_prop' AND status = 'settled' AND result IN ('win', 'loss')
              AND settled_at < \(asOf) AND component_probabilities ? 'model_over' AND component_probabilities ? 'market_over'
            ORDER BY settled_at DESC, id DESC
            LIMIT \(limit)
            """
        ).map { row in
            SettledPropForecast(modelOver: try row.decode("model_over"), marketOver: try row.decode("market_over"), over: try row.decode("over"))
        }
    }

    private func lines(gameID: Int?, from: Date?, asOf: Date?) async throws -> [BatterGameHits] {
        // The event of a plate appearance sits on its last pitch; every other pitch has none.
        try await database.query(
            """
            SELECT s.game_id, s.game_date, g.scheduled_at, g.home_team_id, g.away_team_id, s.batter_id,
                   count(DISTINCT s.at_bat_number) FILTER (WHERE s.events <> '') AS plate_appearances,
                   count(DISTINCT s.at_bat_number) FILTER (WHERE s.events IN ('single', 'double', 'triple', 'home_run')) AS hits
            FROM statcast s JOIN games g ON g.id = s.game_id
            WHERE (\(gameID)::bigint IS NULL OR s.game_id = \(gameID))
              AND (\(from)::timestamptz IS NULL OR g.scheduled_at >= \(from))
              AND (\(asOf)::timestamptz IS NULL OR g.scheduled_at + interval '4 hours' <= \(asOf))
            GROUP BY s.game_id, s.game_date, g.scheduled_at, g.home_team_id, g.away_team_id, s.batter_id
            HAVING count(DISTINCT s.at_bat_number) FILTER (WHERE s.events <> '') > 0
            ORDER BY g.scheduled_at, s.game_id, s.batter_id
            """
        ).map(Self.line)
    }

    private static func line(_ row: PostgresRow) throws -> BatterGameHits {
        BatterGameHits(
            gameID: try row.decode("game_id"), gameDate: try row.decode("game_date"), scheduledAt: try row.decode("scheduled_at"),
            homeTeamID: try row.decode("home_team_id"), awayTeamID: try row.decode("away_team_id"), batterID: try row.decode("batter_id"),
            plateAppearances: try row.decode("plate_appearances"), hits: try row.decode("hits"))
    }
}
