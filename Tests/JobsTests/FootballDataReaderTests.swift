import Foundation
import Sandbox
import Testing

/// football-data.co.uk's pre-match prices are a replayed market's opening lines and its `C` columns the closing
/// lines, where a games CSV keeps its `_open` and closing columns.
@Suite struct FootballDataReaderTests {
    /// Two games of `E0_2425.csv` with a byte-order mark, as football-data writes its files, and a subset of the
    /// columns: Bwin with pre-match prices only, and Everton–Brighton's Pinnacle totals with closing prices only.
    /// Both handicap lines moved (−1 to −0.75, 0 to +0.25).
    static let csv = """
        \u{FEFF}Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,B365H,B365D,B365A,BWH,BWD,BWA,PSH,PSD,PSA,B365>2.5,B365<2.5,P>2.5,P<2.5,\
        AHh,B365AHH,B365AHA,PAHH,PAHA,B365CH,B365CD,B365CA,PSCH,PSCD,PSCA,B365C>2.5,B365C<2.5,PC>2.5,PC<2.5,AHCh,B365CAHH,B365CAHA,PCAHH,PCAHA
        E0,16/08/2024,20:00,Man United,Fulham,1,0,1.6,4.2,5.25,1.6,4.4,5.25,1.63,4.38,5.3,1.53,2.5,1.56,2.56,\
        -1,2.05,1.88,2.07,1.86,1.67,4.1,5,1.65,4.23,5.28,1.62,2.3,1.63,2.38,-0.75,1.86,2.07,1.83,2.11
        E0,17/08/2024,15:00,Everton,Brighton,0,3,2.63,3.3,2.63,2.65,3.4,2.6,2.73,3.36,2.71,1.8,2,,,\
        0,1.96,1.97,1.96,1.94,3.1,3.4,2.3,3.15,3.41,2.4,1.93,1.97,1.93,1.97,0.25,1.87,2.06,1.86,2.07

        """

    private static func book(_ record: ReplayRecord, _ key: String) throws -> ReplayLines {
        try #require(record.books.first { $0.key == key })
    }

    @Test func preMatchPricesOpenAndClosingPricesClose() throws {
        let records = try FootballDataReader().read(Self.csv)
        #expect(records.map(\.home) == ["Manchester United", "Everton"])
        #expect(records[0].books.map(\.key) == ["bet365", "bwin", "pinnacle"])

        let bet365 = try Self.book(records[0], "bet365")
        #expect(bet365.moneyline == .init(home: 1.67, away: 5, draw: 4.1))
        #expect(bet365.total == .init(point: 2.5, first: 1.62, second: 2.3))
        #expect(bet365.spread == .init(point: -0.75, first: 1.86, second: 2.07))
        #expect(
            bet365.opening
                == .init(
                    moneyline: .init(home: 1.6, away: 5.25, draw: 4.2), spread: .init(point: -1, first: 2.05, second: 1.88),
                    total: .init(point: 2.5, first: 1.53, second: 2.5)))
        // Pinnacle's handicap columns are P…, its 1X2 ones PS…, in both sets.
        let pinnacle = try Self.book(records[0], "pinnacle")
        #expect(pinnacle.moneyline == .init(home: 1.65, away: 5.28, draw: 4.23))
        #expect(pinnacle.opening?.moneyline == .init(home: 1.63, away: 5.3, draw: 4.38))
        #expect(pinnacle.spread == .init(point: -0.75, first: 1.83, second: 2.11))
        #expect(pinnacle.opening?.spread == .init(point: -1, first: 2.07, second: 1.86))
    }

    @Test func aBookPricedOnceKeepsThatPriceThroughout() throws {
        let records = try FootballDataReader().read(Self.csv)
        let bwin = try Self.book(records[0], "bwin")
        #expect(bwin.moneyline == .init(home: 1.6, away: 5.25, draw: 4.4) && bwin.opening == nil)
        // A market with closing prices only is its closing line throughout; the book's other markets still move.
        let pinnacle = try Self.book(records[1], "pinnacle")
        #expect(pinnacle.total == .init(point: 2.5, first: 1.93, second: 1.97) && pinnacle.opening?.total == nil)
        #expect(pinnacle.opening?.moneyline == .init(home: 2.73, away: 2.71, draw: 3.36))

        // An older file, without closing columns, posts its pre-match prices throughout as before.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/football-data-E0.csv")
        let older = try FootballDataReader().read(String(contentsOf: url, encoding: .utf8))
        #expect(older.allSatisfy { $0.books.allSatisfy { $0.opening == nil } })
        #expect(older[0].books[0].moneyline == .init(home: 3.10, away: 2.30, draw: 3.40))
    }

    @Test func theReplayedMarketOpensOnThePreMatchPricesAndClosesOnTheClosingOnes() throws {
        let world = try ReplayWorld(records: ReplayFormat.footballData.read(Self.csv))
        let united = try #require(world.games.first { $0.home.oddsAPIName == "Manchester United" })
        let opensAt = united.startsAt.addingTimeInterval(-world.marketOpensBeforeStart)
        func quote(_ key: String, at time: Date) throws -> BookQuote {
            try #require(world.quotes(united, regions: ["uk"], at: time).first { $0.bookmaker.key == key })
        }
        let open = try quote("bet365", at: opensAt.addingTimeInterval(60))
        #expect(open.homePrice == 1.6 && open.drawPrice == 4.2 && open.awayPrice == 5.25)
        #expect(open.spread == -1 && open.spreadPrices == (2.05, 1.88) && open.totalPrices == (1.53, 2.5))
        let close = try quote("bet365", at: united.startsAt.addingTimeInterval(-60))
        #expect(close.homePrice == 1.67 && close.drawPrice == 4.1 && close.awayPrice == 5)
        #expect(close.spread == -0.75 && close.spreadPrices == (1.86, 2.07) && close.totalPrices == (1.62, 2.3))
        for time in [opensAt.addingTimeInterval(60), united.startsAt.addingTimeInterval(-60)] {
            #expect(try quote("bwin", at: time).homePrice == 1.6)
        }
    }

    @Test func theDivisionIsCheckedPastTheByteOrderMark() throws {
        #expect(Self.csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try FootballDataReader().read(Self.csv).allSatisfy { $0.league == .epl })
        let laLiga = #expect(throws: ReplayFileError.self) {
            try FootballDataReader().read("\u{FEFF}Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nSP1,16/08/2025,Betis,Elche,1,1\n")
        }
        #expect(laLiga?.line == 2 && laLiga?.message.contains("division SP1") == true)
    }

    /// The season in `bench/data/football-data` (the replay bench's EPL file), read whole.
    @Test func thePremierLeagueSeasonInBenchData() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../bench/data/football-data/E0_2425.csv").standardizedFileURL
        let world = try ReplayWorld(contentsOf: url, format: .footballData)
        #expect(world.games.count == 380 && world.leagues == [.epl])
        let bet365 = world.games.compactMap { game in game.books.first { $0.key == "bet365" } }
        #expect(bet365.count == 380 && bet365.allSatisfy { $0.opening?.moneyline != nil && $0.opening?.total != nil })
        // The README's count of games whose closing handicap line (AHCh) is not the pre-match one (AHh).
        #expect(bet365.filter { $0.opening?.spread?.point != $0.spread?.point }.count == 161)
    }
}
