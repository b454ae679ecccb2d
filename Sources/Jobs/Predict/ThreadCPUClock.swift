import Glibc

/// The CPU time the calling thread has used, for timing synchronous work without counting the time other
/// threads (a training job on the same worker) take the cores from it.
enum ThreadCPUClock {
    /// Microseconds of CPU time this thread has used so far; nil if the kernel does not say.
    static func microseconds() -> Double? {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return nil }
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    /// Runs `body` and returns its result with the thread CPU microseconds it took (nil if unmeasured).
    static func measure<T>(_ body: () throws -> T) rethrows -> (value: T, microseconds: Double?) {
        let start = microseconds()
        let value = try body()
        guard let start, let end = microseconds() else { return (value, nil) }
        return (value, end - start)
    }
}
