import Postgres
/// Reads and writes `teams`.
public struct TeamRepository: Sendable {
    let database: any PostgresDatabase


    /// Inserts the team or updates it by (sport, external id); returns its id.
    @discardableResult
    public func upsert(_ team: Team) async throws -> Int {
        let venue = team.venue
        let result = try await database.query(
            """
            INSERT INTO teams (sport, external_id, name, abbreviation, venue_name, venue_city, venue_latitude,
                               venue_longitude, venue_timezone, venue_is_indoor)
            VALUES (\(team.sport), \(team.externalID), \(team.name), \(team.abbreviation), \(venue?.name), \(venue?.city),
                    \(venue?.latitude), \(venue?.longitude), \(venue?.timeZone), \(venue?.isIndoor ?? false))
            ON CONFLICT (sport, external_id) DO UPDATE SET
                name = EXCLUDED.name, abbreviation = EXCLUDED.abbreviation, venue_name = EXCLUDED.venue_name,
                venue_city = EXCLUDED.venue_city, venue_latitude = EXCLUDED.venue_latitude,
                venue_longitude = EXCLUDED.venue_longitude, venue_timezone = EXCLUDED.venue_timezone,
                venue_is_indoor = EXCLUDED.venue_is_indoor, updated_at = now()
            RETURNING id
            """)
        return try result.returnedID()
    }

    /// Takes the transaction's lock on the teams of `sport`: writers of teams take it first, so concurrent
    /// transactions that upsert overlapping teams in different orders queue instead of deadlocking.
    /// Call it inside a transaction; the lock ends with the transaction.
    public func lockForWrites(sport: String) async throws {
        _ = try await database.query("SELECT pg_advisory_xact_lock(hashtextextended('aips.teams.' || \(sport), 0))")
    }

    /// The team with `id`.
    public func find(id: Int) async throws -> Team? {
        try await database.query("SELECT * FROM teams WHERE id = \(id)").rows.first.map(Self.team)
    }

    /// The team of `sport` with the source id `externalID`.
    public func find(sport: String, externalID: String) async throws -> Team? {
        try await database.query("SELECT * FROM teams WHERE sport = \(sport) AND external_id = \(externalID)")
            .rows.first.map(Self.team)
    }

    /// Every team of `sport`, by name.
    public func teams(sport: String) async throws -> [Team] {
        try await database.query("SELECT * FROM teams WHERE sport = \(sport) ORDER BY name").map(Self.team)
    }

    /// The teams with these ids (any order; unknown ids are absent).
    public func teams(ids: [Int]) async throws -> [Team] {
        guard !ids.isEmpty else { return [] }
        return try await database.query("SELECT * FROM teams WHERE id = ANY(\(ids)::bigint[])").map(Self.team)
    }

    private static func team(_ row: PostgresRow) throws -> Team {
        var venue: Venue?
        if let latitude = try row.decode(Double?.self, "venue_latitude"),
            let longitude = try row.decode(Double?.self, "venue_longitude")
        {
            venue = Venue(
                name: try row.decode(String?.self, "venue_name") ?? "", city: try row.decode("venue_city"),
                latitude: latitude, longitude: longitude, timeZone: try row.decode("venue_timezone"),
                isIndoor: try row.decode("venue_is_indoor"))
        }
        return Team(
            id: try row.decode("id"), sport: try row.decode("sport"), externalID: try row.decode("external_id"),
            name: try row.decode("name"), abbreviation: try row.decode("abbreviation"), venue: venue)
    }
}
