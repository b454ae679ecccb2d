import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Splits index ranges over a fixed number of threads.
enum Parallel {
    /// The number of threads to use when a configuration asks for `0` (all cores).
    static func resolvedThreads(_ requested: Int) -> Int {
        requested > 0 ? requested : max(1, activeProcessorCount)
    }

    private static let activeProcessorCount: Int = {
        #if canImport(Glibc)
            return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            return 4
        #endif
    }()

    /// The thread team of the fit running in this scope (``withThreads(_:_:)``), if any.
    @TaskLocal private static var pool: SpinningThreadPool?

    /// Runs `work` with a team of `threads` threads that its ``forEachChunk(count:chunks:_:)`` loops use, kept
    /// spinning between loops (``SpinningThreadPool``); the team is stopped when `work` returns. Loops outside such a
    /// scope fall back to `DispatchQueue.concurrentPerform`.
    static func withThreads<T>(_ threads: Int, _ work: () throws -> T) rethrows -> T {
        guard threads > 1 else { return try work() }
        let team = SpinningThreadPool(threads: threads)
        defer { team.shutdown() }
        return try $pool.withValue(team, operation: work)
    }

    /// Runs `body` on `chunks` contiguous sub-ranges of `0..<count`, on up to `chunks` threads, and returns when all are done.
    static func forEachChunk(count: Int, chunks requested: Int, _ body: @escaping @Sendable (Range<Int>) -> Void) {
        let chunks = max(1, min(requested, count))
        if chunks == 1 {
            body(0..<count)
            return
        }
        // The fit's cancellation token follows its work onto the other threads, so checks there see it too.
        let token = CancellationToken.current
        let runChunk: @Sendable (Int) -> Void = { chunk in
            let lower = count * chunk / chunks
            let upper = count * (chunk + 1) / chunks
            CancellationToken.$current.withValue(token) { body(lower..<upper) }
        }
        if pool?.run(chunks: chunks, runChunk) == true { return }
        DispatchQueue.concurrentPerform(iterations: chunks, execute: runChunk)
    }
}
