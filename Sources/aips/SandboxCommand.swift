import ArgumentParser
import Foundation
import Logging
import Sandbox
import ServiceLifecycle
import UnixSignals

/// `aips sandbox`: serves a simulated world, or one replayed from historical games, as The Odds API, ESPN and
/// Open-Meteo.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a simulated NBA, MLB, Premier League, NHL and NFL world in the real formats of The Odds API v4, ESPN and Open-Meteo.",
        discussion: """
            Point the collectors at it with AIPS_SANDBOX_URL=http://127.0.0.1:PORT (and AIPS_VENUES_FILE from \
            --write-venues). Each game's true probabilities: GET /sandbox/v1/truth/{nba|mlb|epl|nhl|nfl}?date=YYYYMMDD.

            With --replay FILE the games, scores and lines come from a historical file instead (a games CSV, or \
            football-data.co.uk's layout with --replay-format football-data); the clock starts an hour before the \
            first game unless --start is given. A replayed world serves ESPN's scoreboard and The Odds API only.
            """)

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8090

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "World seed: the same seed makes the same league, lines and results.")
    var seed: UInt64 = 1

    @Option(help: "World seconds per real second (60: an hour a minute; 0: frozen).")
    var speed: Double = 1

    @Option(help: "World time at start, ISO 8601 (default: now; with --replay, an hour before the first game).")
    var start: String?

    @Option(help: "Replay the games of this CSV file instead of simulating a world.")
    var replay: String?

    @Option(name: .customLong("replay-format"), help: "The replay file's layout: games or football-data.")
    var replayFormat: ReplayFormat = .games

    @Option(name: .customLong("odds-api-key"), help: "The Odds API key the sandbox accepts.")
    var oddsAPIKey: String = "sandbox"

    @Option(help: "The Odds API credits available.")
    var quota: Int = 100_000

    @Option(name: .customLong("write-venues"), help: "Write the league's venue coordinates (for AIPS_VENUES_FILE) to this file.")
    var writeVenues: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard speed >= 0, speed.isFinite else { throw ValidationError("--speed must be 0 or more") }
        if let start, (try? Date(start, strategy: .iso8601)) == nil {
            throw ValidationError("--start must be ISO 8601, e.g. 2026-05-09T16:00:00Z")
        }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.sandbox")
        let replayed = try replay.map { try ReplayWorld(contentsOf: URL(fileURLWithPath: $0), format: replayFormat) }
        if let replayed {
            logger.info(
                "replaying",
                metadata: ["file": "\(replay!)", "games": "\(replayed.games.count)", "leagues": "\(replayed.leagues.map(\.code))"])
        }
        let firstGame = replayed?.firstStart.map { $0.addingTimeInterval(-3600) }
        let startDate = try start.map { try Date($0, strategy: .iso8601) } ?? firstGame ?? Date()
        let server = SandboxServer(
            configuration: SandboxConfiguration(
                seed: seed, start: startDate, speed: speed, oddsAPIKey: oddsAPIKey, oddsAPIQuota: quota, host: host, port: port,
                replay: replayed),
            logger: logger)
        if let writeVenues {
            let venues = SandboxSport.allCases.compactMap { server.world.league($0) }.flatMap { $0.teams.map(\.venue) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(venues).write(to: URL(fileURLWithPath: writeVenues))
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
