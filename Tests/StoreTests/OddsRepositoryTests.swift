import Foundation
import Postgres
import Store
import Testing

@Suite struct OddsRepositoryTests {
    private func snapshots(gameID: Int, books: Int, at date: Date, price: Double = 1.91) -> [OddsSnapshot] {
        (0..<books).flatMap { book in
            [
                OddsSnapshot(
                    gameID: gameID, sport: "nba", bookmaker: "book\(book)", market: "h2h", outcome: "home", price: price, recordedAt: date),
                OddsSnapshot(
                    gameID: gameID, sport: "nba", bookmaker: "book\(book)", market: "spreads", outcome: "away", price: price, point: -3.5,
                    recordedAt: date),
            ]
        }
    }

    @Test func bulkInsertAndLatestLines() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        #expect(try await store.odds.insert(snapshots(gameID: game, books: 5, at: Fixtures.start, price: 1.8)) == 10)
        let later = Fixtures.start.addingTimeInterval(60)
        #expect(try await store.odds.insert(snapshots(gameID: game, books: 5, at: later, price: 2.05)) == 10)
        #expect(try await store.odds.insert([]) == 0)

        let latest = try await store.odds.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(3600))
        #expect(latest.count == 10)
        // As of the first collection, only it counts; outside the look-back window, nothing does.
        #expect(try await store.odds.latest(gameID: game, asOf: Fixtures.start).allSatisfy { $0.price == 1.8 })
        #expect(try await store.odds.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(7200), lookback: 3600).isEmpty)
        #expect(latest.allSatisfy { $0.recordedAt == later && $0.price == 2.05 })
        #expect(latest.first { $0.market == "spreads" }?.point == -3.5)
        #expect(latest.first { $0.market == "h2h" }?.point == nil)
        await store.shutdown()
    }

    @Test func latestForManyGamesMatchesOneGameAtATime() async throws {
        let store = try await Fixtures.store()
        let first = try await Fixtures.game(in: store)
        let second = try await Fixtures.game(in: store, externalID: "g2")
        let later = Fixtures.start.addingTimeInterval(60)
        for game in [first, second] {
            try await store.odds.insert(snapshots(gameID: game, books: 3, at: Fixtures.start, price: 1.8))
            try await store.odds.insert(snapshots(gameID: game, books: 3, at: later, price: 2.05))
        }
        // Each game at its own time: the first before the second collection, the second after it; a third
        // game without odds is absent; outside the look-back window nothing counts.
        let requests = [
            GameAsOf(gameID: first, asOf: Fixtures.start.addingTimeInterval(30)), GameAsOf(gameID: second, asOf: later),
            GameAsOf(gameID: 999_999, asOf: later),
        ]
        let batched = try await store.odds.latest(for: requests)
        #expect(Set(batched.keys) == [first, second])
        for request in requests.prefix(2) {
            let single = try await store.odds.latest(gameID: request.gameID, asOf: request.asOf)
            let sort = { (snapshots: [OddsSnapshot]) in snapshots.sorted { ($0.market, $0.bookmaker, $0.outcome) < ($1.market, $1.bookmaker, $1.outcome) } }
            #expect(sort(batched[request.gameID] ?? []) == sort(single))
        }
        #expect(batched[first]?.allSatisfy { $0.price == 1.8 } == true && batched[second]?.allSatisfy { $0.price == 2.05 } == true)
        #expect(try await store.odds.latest(for: [GameAsOf(gameID: first, asOf: later.addingTimeInterval(7200))], lookback: 3600).isEmpty)
        #expect(try await store.odds.latest(for: []).isEmpty)
        await store.shutdown()
    }

    @Test func rowByRowInsertMatchesBulk() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        for snapshot in snapshots(gameID: game, books: 2, at: Fixtures.start) {
            try await store.odds.insert(snapshot)
        }
        #expect(
            Set(try await store.odds.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(3600)).map(\.bookmaker)) == [
                "book0", "book1",
            ])
        await store.shutdown()
    }

    @Test func latestRecordedAtPerSport() async throws {
        let store = try await Fixtures.store()
        let nba = try await Fixtures.game(in: store, sport: "nba", externalID: "n")
        _ = try await Fixtures.game(in: store, sport: "nhl", externalID: "h")
        try await store.odds.insert(snapshots(gameID: nba, books: 1, at: Fixtures.start))
        try await store.odds.insert(snapshots(gameID: nba, books: 1, at: Fixtures.start.addingTimeInterval(120)))
        #expect(try await store.odds.latestRecordedAtBySport() == ["nba": Fixtures.start.addingTimeInterval(120)])
        await store.shutdown()
    }

    @Test func closingLinesCapturedFromOddsBeforeStart() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        try await store.odds.insert(snapshots(gameID: game, books: 2, at: Fixtures.start.addingTimeInterval(-120), price: 1.9))
        try await store.odds.insert(snapshots(gameID: game, books: 2, at: Fixtures.start.addingTimeInterval(-60), price: 1.95))
        try await store.odds.insert(snapshots(gameID: game, books: 2, at: Fixtures.start.addingTimeInterval(60), price: 3.0))
        #expect(try await store.closingLines.captureFromOdds(gameID: game, at: Fixtures.start) == 4)
        let lines = try await store.closingLines.lines(gameID: game)
        #expect(lines.count == 4 && lines.allSatisfy { $0.price == 1.95 })

        let manual = ClosingLine(gameID: game, bookmaker: "book0", market: "h2h", outcome: "home", price: 2.1, capturedAt: Fixtures.start)
        #expect(try await store.closingLines.upsert([manual]) == 1)
        #expect(try await store.closingLines.lines(gameID: game).first { $0.bookmaker == "book0" && $0.market == "h2h" } == manual)
        await store.shutdown()
    }

    @Test func oddsOfUnknownGamesAreRefused() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let bulk = try await #require(throws: StoreError.self) {
            try await store.odds.insert(
                snapshots(gameID: game, books: 1, at: Fixtures.start) + snapshots(gameID: 424_242, books: 1, at: Fixtures.start))
        }
        #expect(bulk.sqlState == "23503" && bulk.message.contains("424242"))
        let single = try await #require(throws: StoreError.self) {
            try await store.odds.insert(snapshots(gameID: 424_242, books: 1, at: Fixtures.start)[0])
        }
        #expect(single.sqlState == "23503")
        #expect(try await store.odds.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(3600)).isEmpty)
        await store.shutdown()
    }

    @Test func invalidPriceIsRefusedByTheSchema() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let error = try await #require(throws: StoreError.self) {
            try await store.odds.insert([
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: "b", market: "h2h", outcome: "home", price: 0.5, recordedAt: Fixtures.start)
            ])
        }
        #expect(error.sqlState == "23514")
        await store.shutdown()
    }
}
