import Foundation
import Logging
import Postgres
import Store

/// `collect.statcast`: Savant CSV in day chunks (split again when a chunk hits the silent row cap) → raw
/// (hashed, once) → validate → `statcast`, linked to stored MLB games by date and teams.
public struct StatcastCollector: Sendable {
    private let client: SavantClient
    private let store: Store
    private let now: @Sendable () -> Date
    private static let eastern = TimeZone(identifier: "America/New_York")!
    /// Savant's team codes where they differ from ESPN's abbreviations.
    private static let espnAbbreviation = ["AZ": "ARI", "CWS": "CHW", "OAK": "ATH", "WSN": "WSH"]

    /// A collector writing to `store`.
    public init(client: SavantClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.now = now
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectStatcast, jobID: String, logger: Logger) async throws -> StatcastCollection {
        try parameters.validate()
        let isBackfill = parameters.isBackfill ?? false
        let yesterday = UpstreamTime.yyyymmdd(now().addingTimeInterval(-86_400), timeZone: Self.eastern)
        let defaultDay = "\(yesterday.prefix(4))-\(yesterday.dropFirst(4).prefix(2))-\(yesterday.suffix(2))"
        let first = UpstreamTime.local((parameters.from ?? defaultDay) + "T00:00", utcOffsetSeconds: 0)!
        let last = UpstreamTime.local((parameters.to ?? defaultDay) + "T00:00", utcOffsetSeconds: 0)!
        var pending: [(Date, Date)] = stride(
            from: first.timeIntervalSince1970, through: last.timeIntervalSince1970, by: Double(client.configuration.chunkDays) * 86_400
        )
        .map { start in
            let from = Date(timeIntervalSince1970: start)
            return (from, min(last, from.addingTimeInterval(Double(client.configuration.chunkDays - 1) * 86_400)))
        }
        var fetched: [(UpstreamResponse, StatcastCSV)] = []
        var searches = 0
        while !pending.isEmpty {
            let (from, to) = pending.removeFirst()
            searches += 1
            let response = try await client.pitches(from: UpstreamTime.isoDay(from), to: UpstreamTime.isoDay(to), now: now())
            let csv = try await RawIngestion.reading(response, isBackfill: isBackfill, jobID: jobID, in: store, logger: logger) {
                let csv = try StatcastCSV(response.body, source: response.source, endpoint: response.endpoint)
                try Self.requireColumns(csv, response: response)
                return csv
            }
            if csv.rows.count >= client.configuration.rowCap {
                // Savant truncates silently: a chunk at the cap is fetched again in halves.
                guard to > from else {
                    throw CollectorError(
                        .invalidPayload, source: response.source, endpoint: response.endpoint, status: 200,
                        message: "one day returned \(csv.rows.count) rows, the row cap; rows are missing")
                }
                let days = Int(to.timeIntervalSince(from) / 86_400) + 1
                let middle = from.addingTimeInterval(Double(days / 2 - 1) * 86_400)
                pending.insert(contentsOf: [(from, middle), (middle.addingTimeInterval(86_400), to)], at: 0)
                logger.info(
                    "statcast chunk hit the row cap; splitting", metadata: ["from": "\(UpstreamTime.isoDay(from))", "days": "\(days)"])
                continue
            }
            fetched.append((response, csv))
        }
        let total = fetched.reduce(0) { $0 + $1.1.rows.count }
        let read = StatcastCollection(applied: true, searches: searches, pitches: total, pitchesWritten: 0, unmatchedPitches: 0)
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            let teams = try await tx.teams.teams(sport: "mlb")
            var teamIDs: [String: Int] = [:]
            for team in teams { if let abbreviation = team.abbreviation, let id = team.id { teamIDs[abbreviation] = id } }
            for (response, csv) in fetched {
                guard try await RawIngestion.store(response, isBackfill: isBackfill, jobID: jobID, in: tx) else { continue }
                var pitches = try Self.pitches(csv, response: response)
                var gameIDs: [String: Int?] = [:]
                for index in pitches.indices {
                    let teams = pitches[index].teams
                    let key = "\(pitches[index].pitch.gamePK)"
                    if gameIDs[key] == nil {
                        gameIDs[key] = try await gameID(
                            date: pitches[index].pitch.gameDate, home: teamIDs[teams.home], away: teamIDs[teams.away], in: tx)
                    }
                    pitches[index].pitch.gameID = gameIDs[key] ?? nil
                    if pitches[index].pitch.gameID == nil { result.unmatchedPitches += 1 }
                }
                result.pitchesWritten += try await tx.statcast.upsert(pitches.map(\.pitch))
            }
            return result
        }
        return outcome.collection(read: read)
    }

    private static let required = ["game_pk", "game_date", "at_bat_number", "pitch_number", "batter", "pitcher", "home_team", "away_team"]

    private static func requireColumns(_ csv: StatcastCSV, response: UpstreamResponse) throws {
        let missing = required.filter { csv.index(of: $0) == nil }
        guard missing.isEmpty else {
            throw CollectorError(
                .invalidPayload, source: response.source, endpoint: response.endpoint, status: 200,
                message: "columns missing: \(missing.joined(separator: ", "))")
        }
    }

    /// The rows as pitches with their teams' ESPN abbreviations; a required value missing or not a number fails.
    private static func pitches(_ csv: StatcastCSV, response: UpstreamResponse) throws -> [(
        pitch: StatcastPitch, teams: (home: String, away: String)
    )] {
        func column(_ name: String) -> Int? { csv.index(of: name) }
        let c = (
            pk: column("game_pk")!, date: column("game_date")!, atBat: column("at_bat_number")!, pitch: column("pitch_number")!,
            batter: column("batter")!, pitcher: column("pitcher")!, home: column("home_team")!, away: column("away_team")!
        )
        return try csv.rows.enumerated().map { line, row in
            func fail(_ message: String) -> CollectorError {
                CollectorError(
                    .invalidPayload, source: response.source, endpoint: response.endpoint, status: 200,
                    message: "row \(line + 1): \(message)")
            }
            func integer(_ index: Int, _ name: String) throws -> Int {
                guard let text = row[index], let value = Int(text) else {
                    throw fail("\(name) \"\(row[index] ?? "null")\" is not an integer")
                }
                return value
            }
            func text(_ name: String) -> String? { column(name).flatMap { row[$0] } }
            func number(_ name: String) -> Double? { text(name).flatMap(Double.init) }
            guard let dateText = row[c.date], let date = UpstreamTime.local(dateText + "T00:00", utcOffsetSeconds: 0) else {
                throw fail("game_date \"\(row[c.date] ?? "null")\" is not YYYY-MM-DD")
            }
            let pitch = StatcastPitch(
                gamePK: try integer(c.pk, "game_pk"), gameDate: date, atBatNumber: try integer(c.atBat, "at_bat_number"),
                pitchNumber: try integer(c.pitch, "pitch_number"), batterID: try integer(c.batter, "batter"),
                pitcherID: try integer(c.pitcher, "pitcher"), pitchType: text("pitch_type"), releaseSpeedMPH: number("release_speed"),
                spinRateRPM: number("release_spin_rate"), launchSpeedMPH: number("launch_speed"),
                launchAngleDegrees: number("launch_angle"),
                events: text("events"), description: text("description"), expectedWOBA: number("estimated_woba_using_speedangle"),
                batterName: text("player_name"))
            let home = row[c.home] ?? ""
            let away = row[c.away] ?? ""
            return (pitch, (espnAbbreviation[home] ?? home, espnAbbreviation[away] ?? away))
        }
    }

    /// The stored game of `home` against `away` on the Eastern day `date` (a UTC midnight).
    private func gameID(date: Date, home: Int?, away: Int?, in tx: PostgresConnection) async throws -> Int? {
        guard let home, let away else { return nil }
        // The Eastern day runs from 04:00 or 05:00 UTC to the same the next day; a 36-hour window covers it.
        let games = try await tx.games.games(sport: "mlb", from: date, to: date.addingTimeInterval(36 * 3600))
        return games.first {
            $0.homeTeamID == home && $0.awayTeamID == away
                && UpstreamTime.yyyymmdd($0.scheduledAt, timeZone: Self.eastern)
                    == UpstreamTime.yyyymmdd(date.addingTimeInterval(12 * 3600), timeZone: .gmt)
        }?.id
    }
}
