import Foundation
import Postgres

/// The feature store: versioned, point-in-time `game_features`.
public struct GameFeatureRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores a feature set, replacing one with the same game, version and point in time.
    public func upsert(_ set: GameFeatureSet) async throws {
        _ = try await database.query(
            """
            INSERT INTO game_features (game_id, feature_set_version, as_of, features, completeness)
            VALUES (\(set.gameID), \(set.featureSetVersion), \(set.asOf), \(PostgresJSON(set.features))::jsonb, \(set.completeness))
            ON CONFLICT (game_id, feature_set_version, as_of) DO UPDATE SET
                features = EXCLUDED.features, completeness = EXCLUDED.completeness
            """)
    }

    /// The latest feature set of a game and version computed at or before `asOf`: what was known then.
    public func featureSet(gameID: Int, featureSetVersion: String, asOf: Date) async throws -> GameFeatureSet? {
        try await featureSets(gameIDs: [gameID], featureSetVersion: featureSetVersion, asOf: asOf)[gameID]
    }

    /// `featureSet(gameID:featureSetVersion:asOf:)` for many games in one query, by game; games without one are absent.
    public func featureSets(gameIDs: [Int], featureSetVersion: String, asOf: Date) async throws -> [Int: GameFeatureSet] {
        guard !gameIDs.isEmpty else { return [:] }
        let sets = try await database.query(
            """
            SELECT DISTINCT ON (game_id) * FROM game_features
            WHERE game_id = ANY(\(gameIDs)::bigint[]) AND feature_set_version = \(featureSetVersion) AND as_of <= \(asOf)
            ORDER BY game_id, as_of DESC
            """
        ).map(Self.featureSet)
        return Dictionary(sets.map { ($0.gameID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// For training the models of `publication`: per game of `sport` scheduled in `from..<to`, the feature set its
    /// forecast saw. Game day: the latest computed before the game started. Open: the first computed with the market's
    /// line (`line_homewinprob_current`), as the forecast published when the market opens is. No row leaks
    /// information from after kickoff.
    public func trainingSets(
        sport: String, featureSetVersion: String, from: Date, to: Date, publication: PredictionPublication = .gameDay
    ) async throws -> [GameFeatureSet] {
        let opening = publication == .open
        return try await database.query(
            """
            SELECT f.* FROM games g
            CROSS JOIN LATERAL (
                SELECT * FROM game_features f
                WHERE f.game_id = g.id AND f.feature_set_version = \(featureSetVersion) AND f.as_of < g.scheduled_at
                  AND (NOT \(opening)::boolean OR f.features ? 'line_homewinprob_current')
                ORDER BY CASE WHEN \(opening)::boolean THEN f.as_of END, f.as_of DESC LIMIT 1
            ) f
            WHERE g.sport = \(sport) AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
            ORDER BY g.scheduled_at, g.id
            """
        ).map(Self.featureSet)
    }

    /// Per game of `sport` scheduled in `from..<to`, the completeness of its latest feature set computed at or
    /// before `asOf` (the data-quality gate); games without one are absent.
    public func latestCompleteness(sport: String, from: Date, to: Date, asOf: Date) async throws -> [(gameID: Int, completeness: Double)] {
        try await database.query(
            """
            SELECT DISTINCT ON (f.game_id) f.game_id, f.completeness
            FROM game_features f JOIN games g ON g.id = f.game_id
            WHERE g.sport = \(sport) AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to) AND f.as_of <= \(asOf)
            ORDER BY f.game_id, f.as_of DESC
            """
        ).map { row in (try row.decode("game_id"), try row.decode("completeness")) }
    }

    private static func featureSet(_ row: PostgresRow) throws -> GameFeatureSet {
        GameFeatureSet(
            gameID: try row.decode("game_id"), featureSetVersion: try row.decode("feature_set_version"),
            asOf: try row.decode("as_of"), features: try row.decode(PostgresJSON<[String: Double]>.self, "features").value,
            completeness: try row.decode("completeness"))
    }
}
