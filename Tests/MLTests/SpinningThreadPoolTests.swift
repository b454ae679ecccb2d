import Synchronization
import Testing

@testable import ML

@Suite struct SpinningThreadPoolTests {
    /// Per index, how many times a loop ran it.
    private final class Tally: Sendable {
        let counts: Mutex<[Int]>
        init(_ count: Int) { counts = Mutex([Int](repeating: 0, count: count)) }
        func hit(_ index: Int) { counts.withLock { $0[index] += 1 } }
        var all: [Int] { counts.withLock { $0 } }
    }

    @Test func everyIndexRunsOnceInEveryLoop() {
        let pool = SpinningThreadPool(threads: 3)
        defer { pool.shutdown() }
        #expect(pool.width == 3)
        // Many short loops back to back, the case the pool exists for, and loops wider than the team.
        for chunks in [1, 2, 3, 7, 64] {
            for _ in 0..<200 {
                let tally = Tally(chunks)
                #expect(pool.run(chunks: chunks) { tally.hit($0) })
                #expect(tally.all == [Int](repeating: 1, count: chunks))
            }
        }
    }

    @Test func sleepingWorkersWakeForTheNextLoop() async throws {
        let pool = SpinningThreadPool(threads: 2)
        defer { pool.shutdown() }
        // Past the spin budget the worker sleeps; the next loop must still run every index (and so wake it or not
        // need it).
        try await Task.sleep(for: .milliseconds(20))
        let tally = Tally(16)
        #expect(pool.run(chunks: 16) { tally.hit($0) })
        #expect(tally.all == [Int](repeating: 1, count: 16))
    }

    @Test func aLoopStartedInsideALoopIsRefusedAndRunsSerially() {
        let pool = SpinningThreadPool(threads: 2)
        defer { pool.shutdown() }
        let inner = Tally(4)
        let refused = Atomic(0)
        #expect(pool.run(chunks: 2) { _ in
            if !pool.run(chunks: 2, { _ in }) { refused.add(1, ordering: .relaxed) }
        })
        #expect(refused.load(ordering: .relaxed) == 2)
        // Parallel.forEachChunk falls back when the team is busy: the nested loop still runs every index.
        Parallel.withThreads(2) {
            Parallel.forEachChunk(count: 2, chunks: 2) { _ in
                Parallel.forEachChunk(count: 4, chunks: 2) { range in for index in range { inner.hit(index) } }
            }
        }
        #expect(inner.all == [2, 2, 2, 2])
    }

    @Test func aPoolShutDownRunsNothing() {
        let pool = SpinningThreadPool(threads: 2)
        pool.shutdown()
        pool.shutdown()
        #expect(!pool.run(chunks: 2) { _ in })
    }
}
