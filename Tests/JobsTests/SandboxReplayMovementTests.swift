import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import Sandbox
import Testing

/// A replayed market moves: it posts the file's opening line when it opens and reaches the closing line
/// before the start, and the historical odds endpoint serves that path.
@Suite struct SandboxReplayMovementTests {
    /// Three real games of 2016-06-10 (`mlb-2014-2016.csv`): the Braves' price shortened from +235 to +188,
    /// the Brewers went from underdogs to favourites and their total from 8 to 9, the Pirates' line barely moved.
    static let realCSV = """
        date,time,sport,home,away,home_score,away_score,home_moneyline_open,away_moneyline_open,home_moneyline,away_moneyline,spread,home_spread_price,away_spread_price,total_open,total
        2016-06-10,19:05,mlb,Pittsburgh Pirates,St. Louis Cardinals,3,9,-160,140,-161,141,-1.5,130,-150,8,8
        2016-06-10,19:05,mlb,Atlanta Braves,Chicago Cubs,5,1,235,-270,188,-213,1.5,105,-124,8,8
        2016-06-10,19:05,mlb,Milwaukee Brewers,New York Mets,1,2,110,-125,-119,109,-1.5,165,-185,8,9

        """

    private static func world() throws -> ReplayWorld {
        try ReplayWorld(records: ReplayFormat.games.read(realCSV))
    }

    private static func game(_ world: ReplayWorld, home: String) -> ReplayGame {
        world.games.first { $0.home.oddsAPIName == home }!
    }

    private static func decimal(_ american: Double) -> Double {
        BookQuote.decimal(american: american)!
    }

    /// The home side's share of the two implied probabilities.
    private static func noVigHome(_ quote: BookQuote) -> Double {
        (1 / quote.homePrice) / (1 / quote.homePrice + 1 / quote.awayPrice)
    }

    @Test func theReaderKeepsOpeningAndClosingLines() throws {
        let records = try ReplayFormat.games.read(Self.realCSV)
        let braves = try #require(records.first { $0.home == "Atlanta Braves" }?.books.first)
        #expect(braves.moneyline == .init(home: Self.decimal(188), away: Self.decimal(-213), draw: nil))
        #expect(braves.opening?.moneyline == .init(home: Self.decimal(235), away: Self.decimal(-270), draw: nil))
        #expect(braves.total?.point == 8 && braves.opening?.total?.point == 8)
        // No opening run line in the file: the spread does not move.
        #expect(braves.opening?.spread == nil && braves.spread?.point == 1.5)

        let unclosed = #expect(throws: ReplayFileError.self) {
            try ReplayFormat.games.read(
                "date,sport,home,away,home_score,away_score,total_open\n2016-06-10,mlb,Atlanta Braves,Chicago Cubs,5,1,8\n")
        }
        #expect(unclosed?.line == 2 && unclosed?.message.contains("total_open needs the closing total") == true)
        let half = #expect(throws: ReplayFileError.self) {
            try ReplayFormat.games.read(
                "date,sport,home,away,home_score,away_score,home_moneyline,away_moneyline,home_moneyline_open\n"
                    + "2016-06-10,mlb,Atlanta Braves,Chicago Cubs,5,1,188,-213,235\n")
        }
        #expect(half?.message.contains("away_moneyline_open") == true)
    }

    @Test func theMarketPostsTheOpenMovesAndClosesOnTheFilesClose() throws {
        let world = try Self.world()
        let braves = Self.game(world, home: "Atlanta Braves")
        let opensAt = braves.startsAt.addingTimeInterval(-world.marketOpensBeforeStart)
        let atOpen = try #require(world.quotes(braves, regions: ["us"], at: opensAt.addingTimeInterval(60)).first)
        #expect(atOpen.homePrice == Self.decimal(235) && atOpen.awayPrice == Self.decimal(-270))
        let last = try #require(world.quotes(braves, regions: ["us"], at: braves.startsAt.addingTimeInterval(-60)).first)
        #expect(last.homePrice == Self.decimal(188) && last.awayPrice == Self.decimal(-213))
        // The file has no opening run line: posted from the open, its closing prices (+105 / -124 against a
        // closing moneyline of +188) would tell where the moneyline closes. It is posted once the market closes.
        #expect(atOpen.markets == ["h2h", "totals"])
        let beforeClose = braves.startsAt.addingTimeInterval(-ReplayWorld.closingLinesBeforeStart - 3_600)
        #expect(world.quotes(braves, regions: ["us"], at: beforeClose).first?.markets.contains("spreads") == false)
        #expect(last.markets.contains("spreads") && last.spread == 1.5 && last.spreadPrices == (Self.decimal(105), Self.decimal(-124)))
        let settled = braves.startsAt.addingTimeInterval(-ReplayWorld.closingLinesBeforeStart)
        let settledQuote = try #require(world.quotes(braves, regions: ["us"], at: settled.addingTimeInterval(3_600)).first)
        #expect(settledQuote.homePrice == last.homePrice && settledQuote.awayPrice == last.awayPrice)

        // Halfway, the no-vig probability is between the open's and the close's, and it only ever shortens.
        let midway = try #require(world.quotes(braves, regions: ["us"], at: opensAt.addingTimeInterval(24 * 3_600)).first)
        #expect(Self.noVigHome(atOpen) < Self.noVigHome(midway) && Self.noVigHome(midway) < Self.noVigHome(last))
        var previous = Self.noVigHome(atOpen)
        for hour in stride(from: 0.0, to: world.marketOpensBeforeStart, by: 3_600) {
            let quote = try #require(world.quotes(braves, regions: ["us"], at: opensAt.addingTimeInterval(hour + 1)).first)
            #expect(Self.noVigHome(quote) >= previous - 0.002)
            previous = Self.noVigHome(quote)
        }

        // A total whose point moved changes point halfway; prices stay the standard ones.
        let brewers = Self.game(world, home: "Milwaukee Brewers")
        let totals = [1.0, 47 * 3_600].map { world.quotes(brewers, regions: ["us"], at: opensAt.addingTimeInterval($0)).first!.total }
        #expect(totals == [8, 9])
    }

    /// Two files that differ only in their closing columns post the same market in the open's hour: nothing of the
    /// close reaches what a model reads at the open. (Posted from the open, the run line's closing prices did.)
    @Test func theOpenTellsNothingOfTheClose() throws {
        let header = "date,time,sport,home,away,home_score,away_score,home_moneyline_open,away_moneyline_open,home_moneyline,away_moneyline,spread,home_spread_price,away_spread_price,total_open,total\n"
        let one = try ReplayWorld(records: ReplayFormat.games.read(header + "2016-06-10,19:05,mlb,Atlanta Braves,Chicago Cubs,5,1,235,-270,188,-213,1.5,105,-124,8,8\n"))
        let other = try ReplayWorld(records: ReplayFormat.games.read(header + "2016-06-10,19:05,mlb,Atlanta Braves,Chicago Cubs,5,1,235,-270,290,-340,-1.5,250,-300,8,9\n"))
        let opensAt = one.games[0].startsAt.addingTimeInterval(-one.marketOpensBeforeStart)
        for offset in [60.0, 1_800] {  // the open's post, until the next hour's moves toward the close
            let a = try #require(one.quotes(one.games[0], regions: ["us"], at: opensAt.addingTimeInterval(offset)).first)
            let b = try #require(other.quotes(other.games[0], regions: ["us"], at: opensAt.addingTimeInterval(offset)).first)
            #expect(a.markets == b.markets && a.homePrice == b.homePrice && a.awayPrice == b.awayPrice)
            #expect(a.spread == b.spread && a.spreadPrices == b.spreadPrices && a.total == b.total && a.totalPrices == b.totalPrices)
        }
    }

    @Test func aFileWithoutOpeningLinesDoesNotMove() throws {
        let world = try ReplayWorld(
            records: ReplayFormat.games.read(
                "date,time,sport,home,away,home_score,away_score,home_moneyline,away_moneyline\n2016-06-10,19:05,mlb,Atlanta Braves,Chicago Cubs,5,1,188,-213\n"))
        let game = world.games[0]
        let prices = stride(from: 60.0, to: world.marketOpensBeforeStart, by: 3 * 3_600).map { offset in
            world.quotes(game, regions: ["us"], at: game.startsAt.addingTimeInterval(-offset)).first!.homePrice
        }
        #expect(Set(prices) == [Self.decimal(188)])
    }

    @Test func theHistoricalEndpointServesTheOpenAndTheClose() async throws {
        let world = try Self.world()
        let braves = Self.game(world, home: "Atlanta Braves")
        let server = SandboxServer(
            configuration: SandboxConfiguration(
                seed: 1, start: braves.endsAt.addingTimeInterval(86_400), speed: 0, oddsAPIRequestsPerWindow: 1_000, replay: world),
            logger: Logger(label: "sandbox"))
        let opensAt = braves.startsAt.addingTimeInterval(-world.marketOpensBeforeStart)
        try await server.withRunning { sandbox in
            /// The Braves' home moneyline in the snapshot at `date`, American.
            func homePrice(at date: Date) async throws -> Int? {
                let stamp = ISO8601DateFormatter().string(from: date)
                let url = sandbox.baseURL + "/v4/historical/sports/baseball_mlb/odds?apiKey=sandbox&regions=us&markets=h2h&oddsFormat=american&date=\(stamp)"
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
                let body = try await response.body.collect(upTo: 1 << 20)
                let snapshot = try JSONSerialization.jsonObject(with: Data(buffer: body)) as! [String: Any]
                let events = snapshot["data"] as! [[String: Any]]
                let event = try #require(events.first { $0["home_team"] as? String == "Atlanta Braves" })
                let book = (event["bookmakers"] as! [[String: Any]])[0]
                let outcomes = (book["markets"] as! [[String: Any]])[0]["outcomes"] as! [[String: Any]]
                return outcomes.first { $0["name"] as? String == "Atlanta Braves" }?["price"] as? Int
            }
            #expect(try await homePrice(at: opensAt.addingTimeInterval(600)) == 235)
            #expect(try await homePrice(at: braves.startsAt.addingTimeInterval(-600)) == 188)
            let midway = try #require(try await homePrice(at: opensAt.addingTimeInterval(24 * 3_600)))
            #expect(midway > 188 && midway < 235)
        }
    }
}
