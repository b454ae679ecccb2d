import Foundation

extension PredictionRepository {
    /// Whether a model has already predicted a game's bet type (each champion predicts a game once).
    public func exists(gameID: Int, modelID: Int, betType: BetType) async throws -> Bool {
        try await database.query(
            """
            SELECT EXISTS (SELECT 1 FROM predictions WHERE game_id = \(gameID) AND model_id = \(modelID) AND bet_type = \(betType))
              AS found
            """
        ).rows.first?.decode("found") ?? false
    }

    /// How often a model's picks (the side it gave more than 50 %) won, among those settled since `since`;
    /// pushes do not count.
    public func pickAccuracy(modelID: Int, since: Date) async throws -> (count: Int, accuracy: Double) {
        let row = try await database.query(
            """
            SELECT count(*)::bigint AS settled, count(*) FILTER (WHERE result = 'win')::bigint AS won
            FROM predictions
            WHERE model_id = \(modelID) AND status = 'settled' AND result <> 'push' AND probability > 0.5
              AND created_at >= \(since)
            """
        ).rows.first
        let settled: Int = try row?.decode("settled") ?? 0
        let won: Int = try row?.decode("won") ?? 0
        return (settled, settled > 0 ? Double(won) / Double(settled) : 0)
    }
}
