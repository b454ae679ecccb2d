import Foundation
import Postgres
import Store
import Testing

@Suite struct BadInputTests {
    @Test func nulByteInTextIsAClearErrorNotACrash() async throws {
        let store = try await Fixtures.store()
        let error = try await #require(throws: StoreError.self) {
            try await store.teams.upsert(Team(sport: "nba", externalID: "1", name: "Bad\u{0}Name"))
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("NUL"))
        #expect(error.statement?.contains("INSERT INTO teams") == true)
        // Through COPY as well.
        let game = try await Fixtures.game(in: store)
        let copyError = try await #require(throws: StoreError.self) {
            try await store.odds.insert([
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: "a\u{0}b", market: "h2h", outcome: "home", price: 2, recordedAt: Fixtures.start)
            ])
        }
        #expect(copyError.code == .invalidInput)
        // NUL bytes are fine in bytea.
        let raw = RawPayload(source: "s", fetchedAt: Fixtures.start, payload: Data([0, 0, 0]))
        let id = try await store.rawIngest.insert(raw)
        #expect(try await store.rawIngest.find(id: id)?.payload == Data([0, 0, 0]))
        await store.shutdown()
    }

    @Test func sqlMetacharactersAreStoredVerbatim() async throws {
        let store = try await Fixtures.store()
        let hostile = [
            "Robert'); DROP TABLE teams;--", "$1 $2 ? %s", "\"quoted\" \\backslash\\ 'single'", "tab\tnew\nline\r",
            "emoji 🏀 ünïcödé", "E'\\x00'", "{\"a\":1}", "NULL",
        ]
        for (index, name) in hostile.enumerated() {
            let id = try await store.teams.upsert(Team(sport: "nba", externalID: "h\(index)", name: name, abbreviation: name))
            #expect(try await store.teams.find(id: id)?.name == name)
        }
        // Through COPY too.
        let game = try await Fixtures.game(in: store)
        try await store.odds.insert(
            hostile.map {
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: $0, market: "h2h", outcome: "home", price: 2, recordedAt: Fixtures.start)
            })
        #expect(
            Set(try await store.odds.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(3600)).map(\.bookmaker)) == Set(hostile))
        #expect(try await store.teams.teams(sport: "nba").count == hostile.count + 2)
        await store.shutdown()
    }

    @Test func hugeStringsRoundTrip() async throws {
        let store = try await Fixtures.store()
        let huge = String(repeating: "x🏈'\\", count: 2_000_000)  // 16 MB of UTF-8
        let id = try await store.teams.upsert(Team(sport: "nba", externalID: "huge", name: huge))
        #expect(try await store.teams.find(id: id)?.name == huge)
        let record = JobRunRecord(
            id: "huge", type: "t", queue: "q", state: "succeeded", attempts: 1,
            payload: "{\"blob\":\"\(String(repeating: "y", count: 4_000_000))\"}", createdAt: Fixtures.start, finishedAt: Fixtures.start)
        try await store.jobRuns.write([record])
        #expect(try await store.jobRuns.find(id: "huge")?.payload.count == record.payload.count + 1)
        await store.shutdown()
    }

    @Test func invalidEmailAndEnumsAreRefusedByConstraints() async throws {
        let store = try await Fixtures.store()
        let error = try await #require(throws: StoreError.self) {
            try await store.users.create(User(email: "not-an-email", passwordHash: "x"))
        }
        #expect(error.sqlState == "23514")
        #expect(error.message.contains("users_email_check"))
        await store.shutdown()
    }

    @Test func decodingAWrongTypeNamesTheColumn() async throws {
        let store = try await Fixtures.store()
        let row = try #require(try await store.query("SELECT 'abc'::text AS label").first)
        let error = try #require(throws: StoreError.self) { try row.decode(Int.self, "label") }
        #expect(error.code == .decoding && error.message.contains("label"))
        #expect(throws: StoreError.self) { try row.decode(Int.self, "missing") }
        await store.shutdown()
    }
}
