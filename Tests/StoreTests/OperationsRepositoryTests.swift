import Essentials
import Foundation
import Postgres
import Store
import Testing

@Suite struct OperationsRepositoryTests {
    private func record(_ id: String, state: String = "succeeded", attempts: Int = 1) -> JobRunRecord {
        JobRunRecord(
            id: id, type: "collect.odds", queue: "collect", state: state, attempts: attempts,
            payload: #"{"sport":"nba","books":["a","b"]}"#, result: #"{"rows":120}"#,
            errors: attempts > 1 ? #"[{"attempt":1,"message":"timeout"}]"# : "[]",
            createdAt: Fixtures.start, startedAt: Fixtures.start.addingTimeInterval(1),
            finishedAt: Fixtures.start.addingTimeInterval(Double(2 + (Int(id.dropFirst(4)) ?? 0))))
    }

    @Test func archiveWritesBatchesIdempotently() async throws {
        let store = try await Fixtures.store()
        let records = (0..<1_234).map { record("job-\($0)") }
        #expect(try await store.jobRuns.write(records) == 1_234)
        // A retried flush writes the same ids again: still one row each, replaced by the latest record.
        var retried = Array(records.prefix(10))
        retried[0] = record("job-0", state: "dead", attempts: 3)
        #expect(try await store.jobRuns.write(retried + [retried[0]]) == 10)
        #expect(try await store.query("SELECT count(*) AS n FROM job_runs").first?.decode(Int.self, "n") == 1_234)
        let stored = try #require(try await store.jobRuns.find(id: "job-0"))
        #expect(stored.state == "dead" && stored.attempts == 3)
        #expect(stored.errors == #"[{"attempt": 1, "message": "timeout"}]"#)
        #expect(stored.payload == #"{"books": ["a", "b"], "sport": "nba"}"#)  // jsonb normalizes key order
        #expect(try await store.jobRuns.runs(type: "collect.odds", limit: 2).map(\.id) == ["job-1233", "job-1232"])
        #expect(try await store.jobRuns.write([]) == 0)
        await store.shutdown()
    }

    @Test func archiveRefusesInvalidJSONWithoutWritingTheBatch() async throws {
        let store = try await Fixtures.store()
        var bad = record("job-1")
        bad.payload = "{not json"
        let error = try await #require(throws: StoreError.self) { try await store.jobRuns.write([record("job-0"), bad]) }
        #expect(error.sqlState == "22P02")
        #expect(try await store.jobRuns.find(id: "job-0") == nil)
        await store.shutdown()
    }

    @Test func usersAreFoundByEmailCaseInsensitively() async throws {
        let store = try await Fixtures.store()
        let user = try await store.users.create(User(email: "Ana@Example.com", passwordHash: "scrypt$abc", role: .admin))
        let id = try #require(user.id)
        #expect(user.email == "ana@example.com" && user.createdAt != nil && user.isActive)
        #expect(try await store.users.find(email: "ANA@example.com") == user)
        let duplicate = try await #require(throws: StoreError.self) {
            try await store.users.create(User(email: "ana@example.com", passwordHash: "x"))
        }
        #expect(duplicate.isUniqueViolation)
        try await store.users.recordLogin(id: id, at: Fixtures.start)
        try await store.users.updatePasswordHash(id: id, to: "scrypt$new")
        try await store.users.setActive(id: id, false)
        let updated = try #require(try await store.users.find(id: id))
        #expect(updated.lastLoginAt == Fixtures.start && updated.passwordHash == "scrypt$new" && !updated.isActive)
        await store.shutdown()
    }

    @Test func dataQualityChecksBlockPredictionsOnLatestFailure() async throws {
        let store = try await Fixtures.store()
        let failing = DataQualityCheck(
            checkName: "feature_completeness", sport: "nba", status: .fail, action: .blockPredictions, observedValue: 0.95,
            threshold: 0.98, details: ["games": .array([.number(1), .number(2)])], jobID: "q1", checkedAt: Fixtures.start)
        let id = try await store.dataQualityChecks.record(failing)
        #expect(try await store.dataQualityChecks.isPredictionBlocked(sport: "nba"))
        var stored = failing
        stored.id = id
        #expect(try await store.dataQualityChecks.latest(checkName: "feature_completeness", sport: "nba") == stored)
        #expect(try await store.dataQualityChecks.failures(since: Fixtures.start).map(\.id) == [id])

        var passing = failing
        passing.status = .pass
        passing.checkedAt = Fixtures.start.addingTimeInterval(3600)
        try await store.dataQualityChecks.record(passing)
        #expect(!(try await store.dataQualityChecks.isPredictionBlocked(sport: "nba")))
        #expect(try await store.dataQualityChecks.latest(checkName: "feature_completeness", sport: nil) == nil)
        await store.shutdown()
    }

    @Test func dailyVolumesCountRowsPerTableAndDay() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        try await store.odds.insert(
            (0..<7).map {
                OddsSnapshot(
                    gameID: game, sport: "nba", bookmaker: "b\($0)", market: "h2h", outcome: "home", price: 2, recordedAt: Fixtures.start)
            })
        let volumes = try await store.dataVolumes.dailyVolumes(since: Date().addingTimeInterval(-86_400))
        #expect(volumes.first { $0.table == "odds" }?.rows == 7)
        #expect(volumes.first { $0.table == "games" }?.rows == 1)
        #expect(volumes.first { $0.table == "predictions" } == nil)
        await store.shutdown()
    }
}
