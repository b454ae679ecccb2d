import Essentials
import Foundation
import Postgres

extension ModelRepository {
    /// The orders a page of models can be read in.
    public enum Order: String, SQLSortField {
        case createdAt = "created_at"
        case promotedAt = "promoted_at"
        case name
        case version
        case status

        public var column: String { "m." + rawValue }
    }

    /// The columns of a summary: everything but the artifact, with its size and whether a report exists.
    private static let summaryColumns = """
        m.id, m.name, m.version, m.sport, m.bet_type, m.publication, m.status, m.feature_set_version, m.training_start,
        m.training_end, m.hyperparameters, m.metrics, m.artifact_sha256, octet_length(m.artifact)::bigint AS artifact_bytes,
        EXISTS (SELECT 1 FROM model_reports r WHERE r.model_id = m.id) AS has_report,
        m.created_at, m.promoted_at, m.retired_at
        """

    /// One model without its artifact.
    public func summary(id: Int) async throws -> ModelSummary? {
        try await database.query(PostgresQuery("SELECT " + Self.summaryColumns + " FROM models m WHERE m.id = $1", binds: [id.postgresBind]))
            .rows.first.map(Self.summary)
    }

    /// Models matching the filters, one page in `order` (newest first unless told otherwise), without artifacts;
    /// and how many match in all.
    public func summaries(
        sport: String? = nil, betType: BetType? = nil, publication: PredictionPublication? = nil, status: ModelStatus? = nil, order: ListOrder<Order> = ListOrder(.createdAt),
        limit: Int, offset: Int
    ) async throws -> (total: Int, models: [ModelSummary]) {
        let conditions: PostgresQuery = """
            (\(sport)::text IS NULL OR m.sport = \(sport)) AND (\(betType)::text IS NULL OR m.bet_type = \(betType))
            AND (\(publication)::text IS NULL OR m.publication = \(publication))
            AND (\(status)::text IS NULL OR m.status = \(status))
            """
        let page = try await database.page(
            select: Self.summaryColumns, from: "models m", where: conditions, order: order, tiebreak: "m.id", limit: limit,
            offset: offset, row: Self.summary)
        return (page.total, page.rows)
    }

    private static func summary(_ row: PostgresRow) throws -> ModelSummary {
        ModelSummary(
            id: try row.decode("id"), name: try row.decode("name"), version: try row.decode("version"),
            sport: try row.decode("sport"), betType: try row.decode("bet_type"), publication: try row.decode("publication"), status: try row.decode("status"),
            featureSetVersion: try row.decode("feature_set_version"), trainingStart: try row.decode("training_start"),
            trainingEnd: try row.decode("training_end"),
            hyperparameters: try row.decode(PostgresJSON<[String: JSONValue]>.self, "hyperparameters").value,
            metrics: try row.decode(PostgresJSON<[String: Double]>.self, "metrics").value,
            artifactSHA256: try row.decode("artifact_sha256"), artifactBytes: try row.decode("artifact_bytes"),
            hasReport: try row.decode("has_report"), createdAt: try row.decode("created_at"),
            promotedAt: try row.decode("promoted_at"), retiredAt: try row.decode("retired_at"))
    }
}
