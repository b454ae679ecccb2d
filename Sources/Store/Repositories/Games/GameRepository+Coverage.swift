import Foundation
import Postgres

extension GameRepository {
    /// The sports with at least one stored game, by code.
    public func sports() async throws -> [String] {
        try await database.query("SELECT DISTINCT sport FROM games ORDER BY sport").rows.map { try $0.decode(String.self, "sport") }
    }

    /// Each Eastern day from `from` to `to` (`YYYY-MM-DD`, inclusive), with what is stored of `sport`'s games that day;
    /// `asOf` decides which games should have a result by now.
    public func dailyCoverage(sport: String, from: String, to: String, asOf: Date) async throws -> [DailyCoverage] {
        try await database.query(
            """
            WITH days AS (
                SELECT to_char(day, 'YYYY-MM-DD') AS day FROM generate_series(\(from)::date, \(to)::date, interval '1 day') AS day
            ), stored AS (
                SELECT to_char((g.scheduled_at AT TIME ZONE 'America/New_York')::date, 'YYYY-MM-DD') AS day,
                    count(*) AS games,
                    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM odds o WHERE o.game_id = g.id)) AS without_odds,
                    count(*) FILTER (
                        WHERE g.scheduled_at < \(asOf)::timestamptz - interval '6 hours'
                            AND g.status NOT IN ('final', 'cancelled', 'postponed')) AS without_result
                FROM games g
                WHERE g.sport = \(sport)
                    AND g.scheduled_at >= (\(from)::date - 1)::timestamp AT TIME ZONE 'UTC'
                    AND g.scheduled_at < (\(to)::date + 2)::timestamp AT TIME ZONE 'UTC'
                GROUP BY 1
            )
            SELECT d.day, coalesce(s.games, 0) AS games, coalesce(s.without_odds, 0) AS without_odds,
                coalesce(s.without_result, 0) AS without_result
            FROM days d LEFT JOIN stored s USING (day)
            ORDER BY d.day
            """
        ).rows.map { row in
            DailyCoverage(
                day: try row.decode("day"), games: try row.decode("games"), withoutOdds: try row.decode("without_odds"),
                withoutResult: try row.decode("without_result"))
        }
    }
}
