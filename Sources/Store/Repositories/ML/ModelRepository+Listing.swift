import Foundation
import Postgres

extension ModelRepository {
    /// One model without its artifact.
    public func summary(id: Int) async throws -> ModelSummary? {
        try await database.query(
            """
            SELECT m.id, m.name, m.version, m.sport, m.bet_type, m.status, m.feature_set_version, m.training_start,
                   m.training_end, m.metrics, m.artifact_sha256, octet_length(m.artifact)::bigint AS artifact_bytes,
                   EXISTS (SELECT 1 FROM model_reports r WHERE r.model_id = m.id) AS has_report,
                   m.created_at, m.promoted_at, m.retired_at
            FROM models m WHERE m.id = \(id)
            """
        ).rows.first.map(Self.summary)
    }

    /// Models matching the filters, newest first, without artifacts; and how many match in all.
    public func summaries(
        sport: String? = nil, betType: BetType? = nil, status: ModelStatus? = nil, limit: Int, offset: Int
    ) async throws -> (total: Int, models: [ModelSummary]) {
        let result = try await database.query(
            """
            SELECT m.id, m.name, m.version, m.sport, m.bet_type, m.status, m.feature_set_version, m.training_start,
                   m.training_end, m.metrics, m.artifact_sha256, octet_length(m.artifact)::bigint AS artifact_bytes,
                   EXISTS (SELECT 1 FROM model_reports r WHERE r.model_id = m.id) AS has_report,
                   m.created_at, m.promoted_at, m.retired_at, count(*) OVER ()::bigint AS total
            FROM models m
            WHERE (\(sport)::text IS NULL OR m.sport = \(sport))
              AND (\(betType)::text IS NULL OR m.bet_type = \(betType))
              AND (\(status)::text IS NULL OR m.status = \(status))
            ORDER BY m.created_at DESC, m.id DESC
            LIMIT \(limit) OFFSET \(offset)
            """)
        var total = 0
        let models = try result.rows.map { row in
            total = try row.decode("total")
            return try Self.summary(row)
        }
        if models.isEmpty && offset > 0 {
            // Past the last page: count separately so the meta still says how many there are.
            total = try await database.query(
                """
                SELECT count(*)::bigint AS total FROM models
                WHERE (\(sport)::text IS NULL OR sport = \(sport)) AND (\(betType)::text IS NULL OR bet_type = \(betType))
                  AND (\(status)::text IS NULL OR status = \(status))
                """
            ).rows.first?.decode("total") ?? 0
        }
        return (total, models)
    }

    private static func summary(_ row: PostgresRow) throws -> ModelSummary {
        ModelSummary(
            id: try row.decode("id"), name: try row.decode("name"), version: try row.decode("version"),
            sport: try row.decode("sport"), betType: try row.decode("bet_type"), status: try row.decode("status"),
            featureSetVersion: try row.decode("feature_set_version"), trainingStart: try row.decode("training_start"),
            trainingEnd: try row.decode("training_end"),
            metrics: try row.decode(PostgresJSON<[String: Double]>.self, "metrics").value,
            artifactSHA256: try row.decode("artifact_sha256"), artifactBytes: try row.decode("artifact_bytes"),
            hasReport: try row.decode("has_report"), createdAt: try row.decode("created_at"),
            promotedAt: try row.decode("promoted_at"), retiredAt: try row.decode("retired_at"))
    }
}
