import Foundation
import Postgres

/// `alert_rules` and `pick_alerts`: which new picks each user wants to hear of, the alerts raised for them, and
/// whether they were opened.
public struct AlertRepository: Sendable {
    /// What adding a rule did.
    public enum RuleWrite: Sendable, Equatable {
        case added(AlertRule)
        /// The user has a rule for that sport and market already.
        case duplicate
        /// The user has `maximumRules` rules already.
        case tooMany
    }

    /// The rules one user may keep.
    public static let maximumRules = 20

    let database: any PostgresDatabase

    /// Adds `rule` unless its user has one of the same sport and market, or too many.
    public func add(_ rule: AlertRule) async throws -> RuleWrite {
        let added = try await database.query(
            """
            INSERT INTO alert_rules (user_id, sport, bet_type, min_tier)
            SELECT \(rule.userID), \(rule.sport), \(rule.betType), \(rule.minimumTier)
            WHERE (SELECT count(*) FROM alert_rules WHERE user_id = \(rule.userID)) < \(Self.maximumRules)
            ON CONFLICT DO NOTHING
            RETURNING *
            """
        ).first.map(Self.rule)
        if let added { return .added(added) }
        return try await rules(userID: rule.userID).count >= Self.maximumRules ? .tooMany : .duplicate
    }

    /// A user's rules, oldest first.
    public func rules(userID: UUID) async throws -> [AlertRule] {
        try await database.query("SELECT * FROM alert_rules WHERE user_id = \(userID) ORDER BY created_at, id").map(Self.rule)
    }

    /// Deletes a user's rule; false when the user has no such rule. Its alerts stay.
    public func deleteRule(id: Int, userID: UUID) async throws -> Bool {
        try await database.query("DELETE FROM alert_rules WHERE id = \(id) AND user_id = \(userID)").affectedRows == 1
    }

    /// Raises an alert per user and pick made in the last `within` seconds that one of the user's rules matches and
    /// that came after the rule; returns how many it raised. Idempotent: a pick alerts a user once, whichever
    /// and however many rules match it, so a retried or overlapping run raises nothing twice.
    @discardableResult
    public func raiseForNewPicks(within: TimeInterval = 86_400) async throws -> Int {
        try await database.query(
            """
            INSERT INTO pick_alerts (user_id, prediction_id, rule_id)
            SELECT DISTINCT ON (r.user_id, p.id) r.user_id, p.id, r.id
            FROM predictions p
            JOIN alert_rules r ON (r.sport IS NULL OR r.sport = p.sport) AND (r.bet_type IS NULL OR r.bet_type = p.bet_type)
                AND p.tier <= r.min_tier AND p.created_at >= r.created_at
            WHERE p.pick AND p.created_at >= now() - make_interval(secs => \(within)::float8)
            ORDER BY r.user_id, p.id, r.id
            ON CONFLICT (user_id, prediction_id) DO NOTHING
            """
        ).affectedRows
    }

    /// A page of a user's alerts, newest first; only the unopened ones with `unread`.
    public func alerts(userID: UUID, unread: Bool, limit: Int, offset: Int) async throws -> (alerts: [PickAlert], total: Int) {
        let conditions: PostgresQuery = "a.user_id = \(userID) AND (NOT \(unread)::boolean OR a.opened_at IS NULL)"
        let page = try await database.page(
            select: Self.alertColumns, from: Self.alertJoins, where: conditions, order: ListOrder(Order.createdAt), tiebreak: "a.id",
            limit: limit, offset: offset, row: Self.alert)
        return (page.rows, page.total)
    }

    /// Opens a user's alert (the first opening counts) and returns it; nil when the user has no such alert.
    public func open(id: Int, userID: UUID) async throws -> PickAlert? {
        let opened = try await database.query(
            "UPDATE pick_alerts SET opened_at = coalesce(opened_at, now()) WHERE id = \(id) AND user_id = \(userID) RETURNING id")
        guard !opened.rows.isEmpty else { return nil }
        return try await database.query(
            PostgresQuery("SELECT " + Self.alertColumns + " FROM " + Self.alertJoins + " WHERE a.id = $1", binds: [id.postgresBind])
        ).first.map(Self.alert)
    }

    /// Alerts raised in the last `days` × 24 hours of the database's clock (the one their times are on), and how many
    /// of them were opened.
    public func engagement(days: Int) async throws -> (raised: Int, opened: Int) {
        let row = try await database.query(
            """
            SELECT count(*) AS raised, count(opened_at) AS opened FROM pick_alerts
            WHERE created_at >= now() - make_interval(days => \(days)::int)
            """
        ).first
        return (try row?.decode("raised") ?? 0, try row?.decode("opened") ?? 0)
    }

    /// The order of a user's alerts: newest first.
    enum Order: String, SQLSortField {
        case createdAt = "created_at"
        var column: String { "a.created_at" }
    }

    static let alertColumns = """
        a.*, p.game_id, p.sport, p.bet_type, p.selection, p.line, p.price, p.edge, p.tier, p.publication, g.scheduled_at,
        h.name AS home_team, w.name AS away_team, \(PropPlayerName.sql(prediction: "p")) AS player_name
        """
    static let alertJoins = """
        pick_alerts a JOIN predictions p ON p.id = a.prediction_id JOIN games g ON g.id = p.game_id
        JOIN teams h ON h.id = g.home_team_id JOIN teams w ON w.id = g.away_team_id
        """

    private static func rule(_ row: PostgresRow) throws -> AlertRule {
        AlertRule(
            id: try row.decode("id"), userID: try row.decode("user_id"), sport: try row.decode("sport"), betType: try row.decode("bet_type"),
            minimumTier: try row.decode("min_tier"), createdAt: try row.decode("created_at"))
    }

    static func alert(_ row: PostgresRow) throws -> PickAlert {
        PickAlert(
            id: try row.decode("id"), userID: try row.decode("user_id"), ruleID: try row.decode("rule_id"),
            createdAt: try row.decode("created_at"), openedAt: try row.decode("opened_at"),
            pick: AlertedPick(
                predictionID: try row.decode("prediction_id"), gameID: try row.decode("game_id"), sport: try row.decode("sport"),
                betType: try row.decode("bet_type"), selection: try row.decode("selection"), line: try row.decode("line"),
                price: try row.decode("price"), edge: try row.decode("edge"), tier: try row.decode("tier"),
                publication: try row.decode("publication"), scheduledAt: try row.decode("scheduled_at"),
                homeTeam: try row.decode("home_team"), awayTeam: try row.decode("away_team"), playerName: try row.decode("player_name")))
    }
}

extension PostgresDatabase {
    /// `alert_rules` and `pick_alerts`, users' alerts.
    public var alerts: AlertRepository { AlertRepository(database: self) }
}
