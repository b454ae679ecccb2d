import Foundation
import Postgres

/// `odds_api_events`: The Odds API's event id of each stored game, as the odds collector matched it.
public struct OddsAPIEventRepository: Sendable {
    let database: any PostgresDatabase

    /// Records the event id of each game (`gameID` → event id), replacing an older id; returns the rows changed.
    @discardableResult
    public func record(_ events: [Int: String]) async throws -> Int {
        let pairs = events.sorted { $0.key < $1.key }
        return try await database.write(pairs) {
            """
            INSERT INTO odds_api_events (game_id, event_id)
            SELECT g, e FROM unnest(\(pairs.map(\.key))::bigint[], \(pairs.map(\.value))::text[]) AS u(g, e)
            WHERE EXISTS (SELECT 1 FROM games WHERE id = u.g)
            ON CONFLICT (game_id) DO UPDATE SET event_id = EXCLUDED.event_id, seen_at = now()
                WHERE odds_api_events.event_id <> EXCLUDED.event_id
            """
        }
    }

    /// The games of `sport` scheduled in `from..<to` and not yet started, cancelled or postponed that have an event
    /// id, with it, in start order.
    public func upcoming(sport: String, from: Date, to: Date) async throws -> [(game: Game, eventID: String)] {
        try await database.query(
            """
            SELECT g.*, e.event_id FROM games g JOIN odds_api_events e ON e.game_id = g.id
            WHERE g.sport = \(sport) AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to) AND g.status = 'scheduled'
            ORDER BY g.scheduled_at, g.id
            """
        ).map { row in (try GameRepository.game(row), try row.decode("event_id")) }
    }
}
