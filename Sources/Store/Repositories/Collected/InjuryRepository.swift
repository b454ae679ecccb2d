import Foundation
import Postgres

/// Reads and writes `injuries`.
public struct InjuryRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores a report, or, when the same report (source, sport, injury, update time) is stored, extends the
    /// time it was last seen listed; returns true when the report is new.
    @discardableResult
    public func record(_ report: InjuryReport) async throws -> Bool {
        try await database.query(
            """
            INSERT INTO injuries (sport, team_id, source_team_id, source, injury_id, athlete_name, position, status,
                                  injury_type, return_date, reported_at, first_seen_at, last_seen_at)
            VALUES (\(report.sport), \(report.teamID), \(report.sourceTeamID), \(report.source), \(report.injuryID),
                    \(report.athleteName), \(report.position), \(report.status), \(report.injuryType),
                    \(report.returnDate)::timestamptz::date, \(report.reportedAt), \(report.firstSeenAt), \(report.lastSeenAt))
            ON CONFLICT (source, sport, injury_id, reported_at) DO UPDATE SET
                last_seen_at = greatest(injuries.last_seen_at, EXCLUDED.last_seen_at),
                first_seen_at = least(injuries.first_seen_at, EXCLUDED.first_seen_at),
                team_id = coalesce(EXCLUDED.team_id, injuries.team_id)
            RETURNING (xmax = 0) AS inserted
            """
        ).first?.decode(Bool.self, "inserted") ?? false
    }

    /// The reports on `teamID`'s list as known at `asOf`: per injury, the newest report first seen at or before
    /// `asOf`, if the sport's latest list collected by then still held it (a player back is off the list).
    ///
    /// The rows date that list: a report last seen at or before `asOf` left the lists after its last sighting,
    /// so the newest such sighting is the latest list known to have been collected. When no report of the sport
    /// had left by `asOf`, every report first seen by then was still listed.
    public func listed(teamID: Int, asOf: Date) async throws -> [InjuryReport] {
        try await database.query(
            """
            SELECT * FROM (
                SELECT DISTINCT ON (injury_id) * FROM injuries
                WHERE team_id = \(teamID) AND first_seen_at <= \(asOf)
                ORDER BY injury_id, reported_at DESC, id DESC
            ) latest
            WHERE last_seen_at >= coalesce((
                SELECT max(i.last_seen_at) FROM injuries i
                WHERE i.sport = latest.sport AND i.source = latest.source AND i.last_seen_at <= \(asOf)), '-infinity')
            ORDER BY athlete_name, injury_id
            """
        ).map { row in
            InjuryReport(
                sport: try row.decode("sport"), teamID: try row.decode("team_id"), sourceTeamID: try row.decode("source_team_id"),
                source: try row.decode("source"), injuryID: try row.decode("injury_id"), athleteName: try row.decode("athlete_name"),
                position: try row.decode("position"), status: try row.decode("status"), injuryType: try row.decode("injury_type"),
                returnDate: try row.decode("return_date"), reportedAt: try row.decode("reported_at"),
                firstSeenAt: try row.decode("first_seen_at"), lastSeenAt: try row.decode("last_seen_at"))
        }
    }
}
