import Foundation
import Postgres
import Store
import Testing

@Suite struct JobEffectTests {
    private func snapshots(_ game: Int) -> [OddsSnapshot] {
        (0..<4).map {
            OddsSnapshot(
                gameID: game, sport: "nba", bookmaker: "b\($0)", market: "h2h", outcome: "home", price: 1.9, recordedAt: Fixtures.start)
        }
    }

    private func oddsCount(_ store: Store) async throws -> Int {
        try #require(try await store.query("SELECT count(*) AS n FROM odds").first).decode(Int.self, "n")
    }

    @Test func redeliveredJobWritesNothing() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let first = try await store.withJobEffect(jobID: "job-1") { tx in try await tx.odds.insert(snapshots(game)) }
        #expect(first.wasApplied)
        let second = try await store.withJobEffect(jobID: "job-1") { tx in try await tx.odds.insert(snapshots(game)) }
        #expect(!second.wasApplied)
        #expect(try await oddsCount(store) == 4)
        #expect(try await store.hasJobEffect(jobID: "job-1"))
        #expect(try await store.pruneJobEffects(appliedBefore: Date().addingTimeInterval(-3600)) == 0)
        #expect(try await store.pruneJobEffects(appliedBefore: Date().addingTimeInterval(3600)) == 1)
        #expect(!(try await store.hasJobEffect(jobID: "job-1")))
        await store.shutdown()
    }

    @Test func failedAttemptRecordsNothingAndRetryApplies() async throws {
        struct Crash: Error {}
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        await #expect(throws: Crash.self) {
            try await store.withJobEffect(jobID: "job-2") { tx in
                try await tx.odds.insert(snapshots(game))
                throw Crash()
            }
        }
        #expect(try await oddsCount(store) == 0)
        #expect(!(try await store.hasJobEffect(jobID: "job-2")))
        let retry = try await store.withJobEffect(jobID: "job-2") { tx in try await tx.odds.insert(snapshots(game)) }
        #expect(retry.wasApplied)
        #expect(try await oddsCount(store) == 4)
        await store.shutdown()
    }

    @Test func concurrentDeliveriesApplyExactlyOnce() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let applied = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await store.withJobEffect(jobID: "job-3") { tx in
                        try await tx.odds.insert(snapshots(game))
                        _ = try await tx.query("SELECT pg_sleep(0.05)")
                    }.wasApplied
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(applied == 1)
        #expect(try await oddsCount(store) == 4)
        await store.shutdown()
    }

    @Test func jobEffectComposesWithRepositoryTransactions() async throws {
        let store = try await Fixtures.store()
        let first = try await Fixtures.model(in: store, version: 1)
        let second = try await Fixtures.model(in: store, version: 2)
        try await store.models.promote(id: first)
        // promote() opens its own transaction; inside the job's transaction it becomes a savepoint.
        let outcome = try await store.withJobEffect(jobID: "calibrate-1") { tx in try await tx.models.promote(id: second) }
        #expect(outcome.wasApplied)
        #expect(try await store.models.champion(sport: "nba", betType: .spread, publication: .gameDay)?.id == second)
        await store.shutdown()
    }
}
