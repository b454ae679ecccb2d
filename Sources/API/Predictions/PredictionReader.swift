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
        try await rows(filter, limit: pagination.limit, offset: pagination.offset, consistency: consistency)
    }

    /// The first `limit` predictions `filter` selects, in its order, and how many it selects in all.
    func rows(_ filter: PredictionFilter, limit: Int, offset: Int = 0, consistency: ReadConsistency) async throws
        -> (views: [PredictionView], total: Int)
    {
        // One handle for both statements, so the total and the page come from the same server.
        let page = try await reads.database(for: consistency).page(
            select: Self.columns,
            from: Self.tables,
            where: self.where(filter), order: filter.order, tiebreak: "p.id", limit: limit, offset: offset,
            row: Self.view)
        return (page.rows, page.total)
    }

    func find(id: Int, consistency: ReadConsistency) async throws -> PredictionView? {
        try await reads.database(for: consistency).query(
            PostgresQuery(
                "SELECT " + Self.columns + " FROM " + Self.tables + " WHERE p.id = $1", binds: [id.postgresBind])
        ).first.map(Self.view)
    }

    /// A prediction, its game's time, its model's metrics and, for a player prop, the player's name.
    static let columns =
        "p.*, g.scheduled_at AS game_scheduled_at, m.metrics AS model_metrics, \(PropPlayerName.sql(prediction: "p")) AS player_name"
    static let tables = "predictions p JOIN games g ON g.id = p.game_id LEFT JOIN models m ON m.id = p.model_id"

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
        let metrics = try row.decode(PostgresJSON<[String: Double]>?.self, "model_metrics")?.value ?? [:]
        return PredictionView(
            prediction, gameScheduledAt: try row.decode("game_scheduled_at"), playerName: try row.decode("player_name"),
            modelPickRecord: ModelPickRecord(metrics: metrics).map(ModelPickRecordView.init))
    }
}
