import AsyncHTTPClient
import Foundation
import Jobs
import Logging
import NIOCore
import NIOHTTP1
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

/// A replayed world: games from a CSV served as ESPN and The Odds API, collected by the unchanged collectors.
@Suite struct SandboxReplayTests {
    /// Saturday 2026-05-09: a Clippers game with full lines, a Knicks game without lines, a Yankees game
    /// (date and Eastern time in two columns), and a Nuggets game the next day.
    static let gamesCSV = """
        date,time,sport,home,away,home_score,away_score,home_moneyline,away_moneyline,spread,total
        2026-05-09T23:30:00Z,,nba,Los Angeles Clippers,Boston Celtics,112,104,-150,+130,-3.5,221.5
        2026-05-09,20:00,nba,New York Knicks,Miami Heat,99,101,,,,
        2026-05-09,19:05,mlb,New York Yankees,Oakland Athletics,5,3,-180,+160,-1.5,8.5
        2026-05-10T17:00:00Z,,nba,Denver Nuggets,Utah Jazz,120,98,-400,+320,-10,230

        """

    private static func server(_ world: ReplayWorld) -> SandboxServer {
        SandboxServer(
            configuration: SandboxConfiguration(
                seed: 1, start: CollectTestSupport.noonEastern, speed: 0, oddsAPIRequestsPerWindow: 1_000, replay: world),
            logger: Logger(label: "sandbox"))
    }

    private struct Collectors {
        let games: GamesCollector
        let odds: OddsCollector

        init(_ sandbox: RunningSandbox, store: Store) {
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
        }
    }

    private struct StoredLine: Equatable {
        let market: String
        let outcome: String
        let price: Double
        let point: Double?
    }

    private static func lines(_ store: Store, home: String) async throws -> [StoredLine] {
        let rows = try await store.query(
            PostgresQuery(
                """
                SELECT o.bookmaker, o.market, o.outcome, o.price, o.point FROM odds o
                JOIN games g ON g.id = o.game_id JOIN teams t ON t.id = g.home_team_id
                WHERE t.name = \(home) ORDER BY o.market, o.outcome
                """))
        return try rows.map { row in
            #expect(try row.decode(String.self, "bookmaker") == "replay")
            return StoredLine(
                market: try row.decode(String.self, "market"), outcome: try row.decode(String.self, "outcome"),
                price: (try row.decode(Double.self, "price") * 1_000).rounded() / 1_000, point: try row.decode(Double?.self, "point"))
        }
    }

    @Test func collectorsStoreTheCSVsGamesScoresAndLines() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let world = try ReplayWorld(records: ReplayFormat.games.read(Self.gamesCSV))
        #expect(world.games.count == 4 && world.leagues == [.nba, .mlb])
        try await Self.server(world).withRunning { sandbox in
            let collectors = Collectors(sandbox, store: store)
            let logger = CollectTestSupport.logger
            let scheduled = try await collectors.games.collect(
                CollectGames(sport: "nba", dates: ["20260509", "20260510"]), jobID: "games-nba-1", logger: logger)
            #expect(scheduled.gamesWritten == 3)
            _ = try await collectors.games.collect(CollectGames(sport: "mlb", dates: ["20260509"]), jobID: "games-mlb-1", logger: logger)
            let nbaOdds = try await collectors.odds.collect(CollectOdds(sport: "nba"), jobID: "odds-nba-1", logger: logger)
            // The Knicks game has no lines, so it is not quoted; the other two are, and match their games.
            #expect(nbaOdds.events == 2 && nbaOdds.matchedEvents == 2 && nbaOdds.unmatchedEvents.isEmpty)
            let mlbOdds = try await collectors.odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-mlb-1", logger: logger)
            #expect(mlbOdds.matchedEvents == 1)

            let standard = 1.909  // −110
            #expect(
                try await Self.lines(store, home: "LA Clippers") == [
                    StoredLine(market: "h2h", outcome: "away", price: 2.3, point: nil),
                    StoredLine(market: "h2h", outcome: "home", price: 1.667, point: nil),
                    StoredLine(market: "spreads", outcome: "away", price: standard, point: 3.5),
                    StoredLine(market: "spreads", outcome: "home", price: standard, point: -3.5),
                    StoredLine(market: "totals", outcome: "over", price: standard, point: 221.5),
                    StoredLine(market: "totals", outcome: "under", price: standard, point: 221.5),
                ])
            #expect(try await Self.lines(store, home: "New York Yankees").filter { $0.market == "h2h" }.map(\.price) == [2.6, 1.556])
            #expect(try await Self.lines(store, home: "New York Knicks").isEmpty)

            let before = try await store.games.games(
                sport: "nba", from: CollectTestSupport.noonEastern, to: CollectTestSupport.noonEastern.addingTimeInterval(2 * 86_400))
            #expect(before.count == 3 && before.allSatisfy { $0.status == .scheduled && $0.homeScore == nil })

            // Just after the Clippers' start its lines are gone and the last ones stored become its closing line.
            sandbox.clock.advance(by: 7.5 * 3_600 + 60)
            let started = try await collectors.odds.collect(CollectOdds(sport: "nba"), jobID: "odds-nba-2", logger: logger)
            #expect(started.events == 1 && started.closingLinesWritten == 6)

            // Two days on, every game is over with the file's score.
            sandbox.clock.advance(by: 2 * 86_400)
            _ = try await collectors.games.collect(
                CollectGames(sport: "nba", dates: ["20260509", "20260510"]), jobID: "games-nba-2", logger: logger)
            _ = try await collectors.games.collect(CollectGames(sport: "mlb", dates: ["20260509"]), jobID: "games-mlb-2", logger: logger)
            let after = try await store.games.games(
                sport: "nba", from: CollectTestSupport.noonEastern, to: CollectTestSupport.noonEastern.addingTimeInterval(2 * 86_400))
            #expect(after.allSatisfy { $0.status == .final })
            #expect(Set(after.map { [$0.homeScore!, $0.awayScore!] }) == [[112, 104], [99, 101], [120, 98]])
            let mlb = try await store.games.games(
                sport: "mlb", from: CollectTestSupport.noonEastern, to: CollectTestSupport.noonEastern.addingTimeInterval(86_400))
            #expect(mlb.map(\.status) == [.final] && mlb.map(\.homeScore) == [5] && mlb.map(\.awayScore) == [3])

            // A historical snapshot from before the start serves the same lines.
            let historical = try await collectors.odds.collect(
                CollectOdds(sport: "nba", snapshotAt: CollectTestSupport.noonEastern, isBackfill: true), jobID: "odds-nba-h",
                logger: logger)
            #expect(historical.matchedEvents == 2)
        }
        await store.shutdown()
    }

    @Test func aGameIsLiveBetweenItsStartAndItsEnd() throws {
        let world = try ReplayWorld(records: ReplayFormat.games.read(Self.gamesCSV))
        let clippers = world.games.first { $0.home.oddsAPIName == "Los Angeles Clippers" }!
        #expect(world.progress(of: clippers, at: clippers.startsAt.addingTimeInterval(-1)).phase == .scheduled)
        let halfway = world.progress(of: clippers, at: clippers.startsAt.addingTimeInterval(75 * 60))
        #expect(halfway.phase == .live && halfway.homeScore == 56 && halfway.awayScore == 52)
        #expect(world.progress(of: clippers, at: clippers.endsAt) == GameProgress(phase: .final, homeScore: 112, awayScore: 104, period: 4))
        #expect(world.quotes(clippers, regions: ["us"], at: clippers.startsAt).isEmpty)
        // The Yankees game's 19:05 is Eastern daylight time.
        #expect(world.games.first { $0.league == .mlb }!.startsAt == Date(timeIntervalSince1970: 1_778_367_900))
    }

    @Test func malformedRowsNameTheirLine() throws {
        let header = "date,sport,home,away,home_score,away_score,home_moneyline,away_moneyline\n"
        func error(_ rows: String) -> ReplayFileError? {
            #expect(throws: ReplayFileError.self) { try ReplayWorld(records: ReplayFormat.games.read(header + rows)) }
        }
        let score = error("2026-05-09,nba,Boston Celtics,Miami Heat,101,99,,\n2026-05-10,nba,Boston Celtics,Miami Heat,ten,99,,\n")
        #expect(score?.line == 3 && score?.message.contains("home_score \"ten\"") == true)
        let team = error("2026-05-09,nba,Boston Celtic,Miami Heat,101,99,,\n")
        #expect(team?.line == 2 && team?.message.contains("unknown NBA team \"Boston Celtic\"") == true)
        let date = error("09/05/2026,nba,Boston Celtics,Miami Heat,101,99,,\n")
        #expect(date?.line == 2 && date?.message.contains("09/05/2026") == true)
        let sport = error("2026-05-09,wnba,Boston Bruins,Florida Panthers,3,2,,\n")
        #expect(sport?.line == 2 && sport?.message.contains("\"wnba\"") == true)
        let moneyline = error("2026-05-09,nba,Boston Celtics,Miami Heat,101,99,-150,\n")
        #expect(moneyline?.line == 2 && moneyline?.message.contains("away_moneyline") == true)
        let price = error("2026-05-09,nba,Boston Celtics,Miami Heat,101,99,-50,+120\n")
        #expect(price?.line == 2 && price?.message.contains("not an American price") == true)
        let twice = error("2026-05-09,nba,Boston Celtics,Miami Heat,101,99,,\n2026-05-09,nba,Boston Celtics,Miami Heat,101,99,,\n")
        #expect(twice?.line == 3 && twice?.message.contains("line 2") == true)
        let columns = #expect(throws: ReplayFileError.self) { try GamesCSVReader().read("date,sport,home,away\n") }
        #expect(columns?.line == 1 && columns?.message.contains("home_score, away_score") == true)
        #expect(score.map(String.init(describing:)) == "replay file, line 3: home_score \"ten\" is not a score")
    }

    @Test func footballDataColumnsBecomeReplayGames() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/football-data-E0.csv")
        let records = try FootballDataReader().read(String(contentsOf: url, encoding: .utf8))
        #expect(records.map(\.home) == ["Manchester United", "Wolverhampton Wanderers", "Chelsea"])
        #expect(records.map(\.away) == ["Arsenal", "Brighton and Hove Albion", "Tottenham Hotspur"])
        #expect(records.map(\.homeScore) == [1, 0, 3] && records.map(\.awayScore) == [1, 2, 0])
        #expect(records.allSatisfy { $0.league == .epl })
        // 15:00 UK summer time; no Time column value means 15:00; two-digit years are this century.
        #expect(records[0].startsAt == Date(timeIntervalSince1970: 1_755_352_800))
        #expect(records[2].startsAt == Date(timeIntervalSince1970: 1_755_439_200))
        let united = records[0].books
        // The market's maximum and average are not books: nobody can bet at them.
        #expect(united.map(\.key) == ["bet365", "bwin", "pinnacle"])
        #expect(united[0].moneyline == .init(home: 3.10, away: 2.30, draw: 3.40))
        #expect(united[0].total == .init(point: 2.5, first: 1.85, second: 2.00))
        #expect(united[2].spread == .init(point: 0.25, first: 1.95, second: 1.98))
        #expect(united[1].total == nil && united[1].spread == nil)
        // Bwin did not price the second game; the third has 1X2 odds only.
        #expect(records[1].books.map(\.key) == ["bet365", "pinnacle"])
        // A match only the averages priced is served at the average, never at the maximum.
        let averagesOnly = try FootballDataReader().read(
            "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,MaxH,MaxD,MaxA,AvgH,AvgD,AvgA\nE0,16/08/2025,Arsenal,Chelsea,1,0,2.2,3.6,3.9,2.0,3.4,3.6\n")
        #expect(averagesOnly[0].books.map(\.key) == ["market_average"])
        #expect(averagesOnly[0].books[0].moneyline == .init(home: 2.0, away: 3.6, draw: 3.4))
        #expect(records[2].books.allSatisfy { $0.total == nil && $0.spread == nil })

        let wrongDivision = #expect(throws: ReplayFileError.self) {
            try FootballDataReader().read(
                "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nE0,16/08/2025,Arsenal,Chelsea,1,0\nSP1,16/08/2025,Betis,Elche,1,1\n")
        }
        #expect(wrongDivision?.line == 3)
        let badOdds = #expect(throws: ReplayFileError.self) {
            try FootballDataReader().read("Date,HomeTeam,AwayTeam,FTHG,FTAG,B365H,B365D,B365A\n16/08/2025,Arsenal,Chelsea,1,0,2.1,x,3\n")
        }
        #expect(badOdds?.line == 2 && badOdds?.message.contains("B365D") == true)
    }

    @Test func soccerIsServedAndCollectedWithItsDraw() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/football-data-E0.csv")
        let world = try ReplayWorld(contentsOf: url, format: .footballData)
        #expect(world.leagues == [.epl])
        let server = SandboxServer(
            configuration: SandboxConfiguration(
                seed: 1, start: world.firstStart!.addingTimeInterval(-3_600), speed: 0, oddsAPIRequestsPerWindow: 1_000, replay: world),
            logger: Logger(label: "sandbox"))
        try await server.withRunning { sandbox in
            let collectors = Collectors(sandbox, store: store)
            let logger = CollectTestSupport.logger
            let games = try await collectors.games.collect(
                CollectGames(sport: "epl", dates: ["20250816", "20250817"]), jobID: "games-epl-1", logger: logger)
            #expect(games.gamesWritten == 3)
            let odds = try await collectors.odds.collect(CollectOdds(sport: "epl"), jobID: "odds-epl-1", logger: logger)
            #expect(odds.matchedEvents == 3 && odds.unmatchedEvents.isEmpty)
            #expect(
                try await CollectTestSupport.count(store, "odds", where: "bookmaker = 'pinnacle' AND market = 'h2h' AND outcome = 'draw'")
                    == 3)
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'h2h' AND outcome = 'draw' AND price = 3.4") == 1)
            sandbox.clock.advance(by: 2 * 86_400)
            _ = try await collectors.games.collect(
                CollectGames(sport: "epl", dates: ["20250816", "20250817"]), jobID: "games-epl-2", logger: logger)
            let final = try await store.games.games(
                sport: "epl", from: world.firstStart!.addingTimeInterval(-86_400), to: world.firstStart!.addingTimeInterval(3 * 86_400))
            #expect(final.map(\.status) == [.final, .final, .final] && final.map(\.homeScore) == [1, 0, 3])
        }
        await store.shutdown()
    }

    @Test func whatIsNotReplayedAnswers404WithAReason() async throws {
        let world = try ReplayWorld(records: ReplayFormat.games.read(Self.gamesCSV))
        try await Self.server(world).withRunning { sandbox in
            for path in ["/v1/forecast?latitude=40&longitude=-74", "/statcast_search/csv", "/sandbox/v1/truth/nba?date=20260509"] {
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: sandbox.baseURL + path), timeout: .seconds(10))
                let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
                #expect(response.status.code == 404 && body.contains("NOT_REPLAYED"), "\(path)")
            }
            let injuries = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: sandbox.baseURL + "/apis/site/v2/sports/basketball/nba/injuries"), timeout: .seconds(10))
            #expect(injuries.status.code == 404)
            let sports = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: sandbox.baseURL + "/v4/sports?apiKey=sandbox"), timeout: .seconds(10))
            let body = String(buffer: try await sports.body.collect(upTo: 1 << 16))
            #expect(body.contains("basketball_nba") && body.contains("baseball_mlb") && !body.contains("soccer_epl"))
        }
    }
}
