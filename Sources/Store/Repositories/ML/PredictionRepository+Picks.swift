import Foundation
import Postgres

extension PredictionRepository {
    /// The publications already made of a bet type, by game, among `gameIDs`, whichever model made them.
    public func publications(gameIDs: [Int], betType: BetType) async throws -> [Int: Set<PredictionPublication>] {
        guard !gameIDs.isEmpty else { return [:] }
        var made: [Int: Set<PredictionPublication>] = [:]
        for row in try await database.query(
            """
            SELECT DISTINCT game_id, publication FROM predictions
            WHERE game_id = ANY(\(gameIDs)::bigint[]) AND bet_type = \(betType)
            """
        ).rows {
            made[try row.decode(Int.self, "game_id"), default: []].insert(try row.decode(PredictionPublication.self, "publication"))
        }
        return made
    }

    /// How often a model's favoured side (the side of each forecast it gave more than 50 %) won, among its
    /// forecasts settled since `since`; pushes and coin flips do not count. Each game and publication counts
    /// once, whichever side its row carries.
    public func pickAccuracy(modelID: Int, since: Date) async throws -> (count: Int, accuracy: Double) {
        let row = try await database.query(
            """
            SELECT count(*)::bigint AS settled,
                   count(*) FILTER (WHERE (probability > 0.5) = (result = 'win'))::bigint AS won
            FROM (SELECT DISTINCT ON (game_id, bet_type, publication) probability, result
                  FROM predictions
                  WHERE model_id = \(modelID) AND status = 'settled' AND result <> 'push' AND probability <> 0.5
                    AND created_at >= \(since)
                  ORDER BY game_id, bet_type, publication, pick DESC, id) forecasts
            """
        ).rows.first
        let settled: Int = try row?.decode("settled") ?? 0
        let won: Int = try row?.decode("won") ?? 0
        return (settled, settled > 0 ? Double(won) / Double(settled) : 0)
    }
}
