import Foundation
import Postgres

extension PredictionRepository {
    /// Every published prediction of `sport` in chain order, rows the chain never took last.
    public func chain(sport: String) async throws -> [PredictionChain.Entry] {
        try await database.query(
            """
            SELECT * FROM predictions
            WHERE sport = \(sport) AND published_at IS NOT NULL
            ORDER BY chain_position NULLS LAST, id
            """
        ).map { row in
            PredictionChain.Entry(
                prediction: try Self.prediction(row), position: try row.decode("chain_position"), link: try row.decode("chain_hash"))
        }
    }

    /// Checks `sport`'s chain from its first position to its head, and reports the first break.
    public func verifyChain(sport: String) async throws -> PredictionChainReport {
        PredictionChain.verify(sport: sport, try await chain(sport: sport))
    }
}
