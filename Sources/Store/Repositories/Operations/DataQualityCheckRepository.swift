import Essentials
import Foundation
import Postgres

/// Reads and writes `data_quality_checks`.
public struct DataQualityCheckRepository: Sendable {
    let database: any PostgresDatabase

    /// The orders a page of check results can take.
    public enum Order: String, SQLSortField {
        case checkedAt = "checked_at"
        case checkName = "check_name"
        case sport
        case status

        public var column: String { "c." + rawValue }
    }

    /// Stores a check result; returns its id.
    @discardableResult
    public func record(_ check: DataQualityCheck) async throws -> Int {
        try await database.query(
            """
            INSERT INTO data_quality_checks (check_name, sport, status, action, observed_value, threshold, details,
                                             job_id, checked_at)
            VALUES (\(check.checkName), \(check.sport), \(check.status), \(check.action), \(check.observedValue),
                    \(check.threshold), \(PostgresJSON(check.details))::jsonb, \(check.jobID), \(check.checkedAt))
            RETURNING id
            """
        ).returnedID()
    }

    /// The latest result of a rule (for one sport, or across sports when `sport` is `nil`).
    public func latest(checkName: String, sport: String? = nil) async throws -> DataQualityCheck? {
        try await database.query(
            """
            SELECT * FROM data_quality_checks
            WHERE check_name = \(checkName) AND sport IS NOT DISTINCT FROM \(sport)
            ORDER BY checked_at DESC, id DESC LIMIT 1
            """
        ).rows.first.map(Self.check)
    }

    /// True when the latest result of some rule for `sport` failed with `blockPredictions`.
    public func isPredictionBlocked(sport: String) async throws -> Bool {
        try await database.query(
            """
            SELECT EXISTS (
                SELECT 1 FROM (
                    SELECT DISTINCT ON (check_name) status, action FROM data_quality_checks
                    WHERE sport = \(sport) ORDER BY check_name, checked_at DESC, id DESC
                ) latest
                WHERE latest.status = 'fail' AND latest.action = 'block_predictions'
            ) AS blocked
            """
        ).first?.decode(Bool.self, "blocked") ?? false
    }

    /// One page of check results, newest first unless `order` says otherwise, with the total: of one `status`,
    /// `action` and `sport` where given; with `latestOnly`, only each rule's latest result per sport (the state the
    /// predictions' block reads), to which the filters then apply.
    public func page(
        status: DataQualityStatus? = nil, action: DataQualityAction? = nil, sport: String? = nil, latestOnly: Bool = false,
        order: ListOrder<Order> = ListOrder(.checkedAt), limit: Int, offset: Int
    ) async throws -> (checks: [DataQualityCheck], total: Int) {
        let from = latestOnly
            ? "(SELECT DISTINCT ON (check_name, sport) * FROM data_quality_checks ORDER BY check_name, sport, checked_at DESC, id DESC) c"
            : "data_quality_checks c"
        let conditions: PostgresQuery = """
            (\(status)::text IS NULL OR c.status = \(status)) AND (\(action)::text IS NULL OR c.action = \(action))
            AND (\(sport)::text IS NULL OR c.sport = \(sport))
            """
        let page = try await database.page(
            select: "c.*", from: from, where: conditions, order: order, tiebreak: "c.id", limit: limit, offset: offset, row: Self.check)
        return (page.rows, page.total)
    }

    /// Failed checks since `since`, newest first.
    public func failures(since: Date) async throws -> [DataQualityCheck] {
        try await database.query(
            "SELECT * FROM data_quality_checks WHERE status = 'fail' AND checked_at >= \(since) ORDER BY checked_at DESC, id DESC"
        ).map(Self.check)
    }

    private static func check(_ row: PostgresRow) throws -> DataQualityCheck {
        DataQualityCheck(
            id: try row.decode("id"), checkName: try row.decode("check_name"), sport: try row.decode("sport"),
            status: try row.decode("status"), action: try row.decode("action"),
            observedValue: try row.decode("observed_value"), threshold: try row.decode("threshold"),
            details: try row.decode(PostgresJSON<[String: JSONValue]>.self, "details").value,
            jobID: try row.decode("job_id"), checkedAt: try row.decode("checked_at"))
    }
}
