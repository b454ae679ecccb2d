import Foundation
import Postgres
import Store

/// Reads predictions for the API: filtered, sorted pages with their total, and single ones,
/// each with its game's scheduled time, from the primary or the replica as each read's consistency allows.
struct PredictionReader: Sendable {
    let reads: PostgresReadRouter

    func page(_ filter: PredictionFilter, _ pagination: Pagination, consistency: ReadConsistency) async throws
        -> (views: [PredictionView], total: Int)
    {
        // One handle for both statements, so the total and the page come from the same server.
        let database = await reads.database(for: consistency)
        let conditions = self.where(filter)
        let from = "FROM predictions p JOIN games g ON g.id = p.game_id WHERE "
        let total = try await database.query(
            PostgresQuery("SELECT count(*) AS total " + from + conditions.sql, binds: conditions.binds)
        ).first.map { try $0.decode(Int.self, "total") } ?? 0
        let column = switch filter.sort {
        case .createdAt: "p.created_at"
        case .gameDate: "g.scheduled_at"
        case .edge: "p.edge"
        case .probability: "p.probability"
        case .tier: "p.tier"
        }
        let direction = filter.ascending ? "ASC" : "DESC"
        let binds = conditions.binds + [pagination.limit.postgresBind, pagination.offset.postgresBind]
        // The sort column and direction come from the fixed lists above, never from client text.
        let sql = "SELECT p.*, g.scheduled_at AS game_scheduled_at " + from + conditions.sql
            + " ORDER BY \(column) \(direction), p.id \(direction) LIMIT $\(binds.count - 1) OFFSET $\(binds.count)"
        let views = try await database.query(PostgresQuery(sql, binds: binds)).map(Self.view)
        return (views, total)
    }

    func find(id: Int, consistency: ReadConsistency) async throws -> PredictionView? {
        try await reads.database(for: consistency).query(
            "SELECT p.*, g.scheduled_at AS game_scheduled_at FROM predictions p JOIN games g ON g.id = p.game_id WHERE p.id = \(id)"
        ).first.map(Self.view)
    }

    private func `where`(_ filter: PredictionFilter) -> PostgresQuery {
        """
        (\(filter.sport)::text IS NULL OR p.sport = \(filter.sport))
        AND (\(filter.tier)::text IS NULL OR p.tier = \(filter.tier))
        AND (\(filter.betType)::text IS NULL OR p.bet_type = \(filter.betType))
        AND (\(filter.status)::text IS NULL OR p.status = \(filter.status))
        AND (\(filter.pick)::boolean IS NULL OR p.pick = \(filter.pick))
        AND (\(filter.from)::timestamptz IS NULL OR g.scheduled_at >= \(filter.from))
        AND (\(filter.to)::timestamptz IS NULL OR g.scheduled_at < \(filter.to))
        """
    }

    static func view(_ row: PostgresRow) throws -> PredictionView {
        let prediction = try PredictionRepository.prediction(row)
        return PredictionView(prediction, gameScheduledAt: try row.decode("game_scheduled_at"))
    }
}
