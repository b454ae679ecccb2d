// Store benchmark: odds snapshot bulk loading (COPY vs row-by-row INSERT) and point reads.
// Prints figures; asserts nothing. Uses DATABASE_URL, or an embedded PostgreSQL in a temporary directory.
import EmbeddedServers
import Foundation
import Logging
import Postgres
import Store

let logger = Logger(label: "store-bench")
let arguments = CommandLine.arguments.dropFirst()
let copyRows = Int(arguments.first ?? "") ?? 200_000
let batchRows = 5_000
let rowByRowRows = 5_000
let pointReads = 20_000

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }

/// The 1-minute load average: the machine is shared, so the figures say how busy it was.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return String(text.split(separator: " ").first ?? "?")
}

/// The odds of one 60-second collection: games × books × (h2h 2 + spreads 2 + totals 2) outcomes.
func snapshotBatch(gameIDs: [Int], books: Int, at date: Date) -> [OddsSnapshot] {
    var batch: [OddsSnapshot] = []
    for game in gameIDs {
        for book in 0..<books {
            let bookmaker = "book\(book)"
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "h2h", outcome: "home", price: 1.91, recordedAt: date))
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "h2h", outcome: "away", price: 1.95, recordedAt: date))
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "spreads", outcome: "home", price: 1.91, point: -3.5,
                    recordedAt: date))
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "spreads", outcome: "away", price: 1.91, point: 3.5,
                    recordedAt: date))
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "totals", outcome: "over", price: 1.87, point: 221.5,
                    recordedAt: date))
            batch.append(
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: bookmaker, market: "totals", outcome: "under", price: 1.95, point: 221.5,
                    recordedAt: date))
        }
    }
    return batch
}

var embedded: (server: EmbeddedPostgres, directory: URL)?
var serverURL = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
if serverURL.isEmpty {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aips-bench-\(getpid())")
    let server = EmbeddedPostgres(
        configuration: EmbeddedPostgresConfiguration(directory: directory.path, databaseName: "bench"), logger: logger)
    serverURL = try await server.start()
    embedded = (server, directory)
}

// A fresh database, so the figures do not depend on what is already there.
let databaseName = "aips_bench_\(UInt32.random(in: 0...UInt32.max))"
let admin = try await PostgresConnection.connect(to: serverURL)
_ = try await admin.query("CREATE DATABASE \(identifier: databaseName)")
var components = URLComponents(string: serverURL)!
components.path = "/" + databaseName
let store = Store(configuration: PostgresConfiguration(url: components.string!, maximumConnections: 4))
try await store.migrate(logger: Logger(label: "store-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
let version = try await admin.serverVersion()

var gameIDs: [Int] = []
for index in 0..<50 {
    let home = try await store.teams.upsert(Team(sport: "nba", externalID: "h\(index)", name: "Home \(index)"))
    let away = try await store.teams.upsert(Team(sport: "nba", externalID: "a\(index)", name: "Away \(index)"))
    gameIDs.append(
        try await store.games.upsert(Game(sport: "nba", externalID: "g\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: Date())))
}
print(
    "PostgreSQL \(version / 10000).\(version % 100), \(ProcessInfo.processInfo.activeProcessorCount) cores; odds: primary key + 3 indexes; load average \(loadAverage())"
)

// 1. COPY: collections of 50 games × ~17 books × 6 outcomes = 5,000 rows each, one COPY per collection.
let clock = ContinuousClock()
var copied = 0
var copyTime = Duration.zero
var collection = 0
while copied < copyRows {
    let batch = Array(snapshotBatch(gameIDs: gameIDs, books: 17, at: Date().addingTimeInterval(Double(collection) * 60)).prefix(batchRows))
    let started = clock.now
    copied += try await store.odds.insert(batch)
    copyTime += clock.now - started
    collection += 1
}
print(
    "COPY bulk insert:        \(copied) rows in \(collection) batches of \(batchRows): \(format(Double(copied) / seconds(copyTime))) rows/s"
)

// The client's share of that: encoding the same rows into COPY text, no I/O.
let encodeBatch = snapshotBatch(gameIDs: gameIDs, books: 17, at: Date()).prefix(batchRows)
let encodeStarted = clock.now
var encodedBytes = 0
for _ in 0..<(copyRows / batchRows) {
    encodedBytes += try OddsRepository.copyRows(encodeBatch).bytes.count
}
let encodeRate = Double(copyRows / batchRows * batchRows) / seconds(clock.now - encodeStarted)
print("  of which COPY encoding: \(format(encodeRate)) rows/s alone (\(encodedBytes / max(1, copyRows / batchRows * batchRows)) bytes/row)")

// 2. Row by row: one prepared INSERT (and one commit) per row, on one connection.
let rows = snapshotBatch(gameIDs: gameIDs, books: 17, at: Date().addingTimeInterval(-86_400)).prefix(rowByRowRows)
let rowTime = try await store.pool.withConnection { connection in
    let started = clock.now
    for snapshot in rows { try await connection.odds.insert(snapshot) }
    return clock.now - started
}
print("Row-by-row INSERT:       \(rows.count) rows: \(format(Double(rows.count) / seconds(rowTime))) rows/s")

// 3. Point reads by primary key (prepared), sequential on one connection, then 4 concurrent tasks.
let (latencies, sequentialTime) = try await store.pool.withConnection { connection in
    var latencies: [Double] = []
    latencies.reserveCapacity(pointReads)
    let started = clock.now
    for index in 0..<pointReads {
        let readStarted = clock.now
        _ = try await connection.games.find(id: gameIDs[index % gameIDs.count])
        latencies.append(seconds(clock.now - readStarted) * 1e6)
    }
    return (latencies, clock.now - started)
}
let sorted = latencies.sorted()
print(
    "Point read (1 conn):     \(format(Double(pointReads) / seconds(sequentialTime))) reads/s, "
        + "p50 \(format(sorted[sorted.count / 2])) µs, p99 \(format(sorted[sorted.count * 99 / 100])) µs")

let concurrentStarted = clock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    for worker in 0..<4 {
        group.addTask {
            for index in 0..<(pointReads / 4) {
                _ = try await store.games.find(id: gameIDs[(index + worker) % gameIDs.count])
            }
        }
    }
    try await group.waitForAll()
}
print("Point read (pool of 4):  \(format(Double(pointReads) / seconds(clock.now - concurrentStarted))) reads/s")

await store.shutdown()
_ = try await admin.query("DROP DATABASE \(identifier: databaseName)")
await admin.close()
if let embedded {
    try await embedded.server.stop()
    try FileManager.default.removeItem(at: embedded.directory)
}
