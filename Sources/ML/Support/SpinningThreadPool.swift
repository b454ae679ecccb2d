import Synchronization

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A fixed team of threads for one fit's parallel loops, whose workers spin for a short while after each loop
/// before they sleep: OpenMP's wait policy, which LightGBM relies on.
///
/// A tree is grown from hundreds of short parallel steps (a child's histogram, two split searches, a partition), each
/// tens to hundreds of microseconds long. `DispatchQueue.concurrentPerform` wakes a sleeping worker for every one of
/// them, and on this project's machines that fork and join costs 30–60 µs a call: a tenth of a two-thread fit at
/// 1,000,000 rows. A worker of this pool that was busy a moment ago is still spinning when the next step starts.
///
/// Chunks are handed out by an atomic counter that also carries the loop's generation, so the caller runs whatever
/// no worker has claimed yet and a late worker can never claim a chunk of a loop already finished.
///
/// Why `@unchecked Sendable` is safe: the only mutable stored state not behind an atomic is `body`. The caller writes
/// it before it publishes the loop's generation (a releasing store) and clears it only after every claimed chunk has
/// finished; a worker reads it only after it claimed a chunk of that generation (an acquiring read-modify-write), so
/// every read happens between that write and that clear.
final class SpinningThreadPool: @unchecked Sendable {
    /// Generation in the high bits, next unclaimed chunk in the low 20.
    private let ticket = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let sleepers = Atomic<Int>(0)
    /// Whether a loop is running: a loop started from inside another one (or from a second thread) runs serially.
    private let busy = Atomic<Bool>(false)
    private var body: (@Sendable (Int) -> Void)?
    private var chunks = 0
    private let wake = ParkingLot()
    private var workers: [pthread_t] = []

    private static let chunkBits = 20
    private static let chunkMask = (1 << chunkBits) - 1
    /// How long an idle worker spins before it sleeps: longer than the serial work between two parallel steps of a
    /// tree (a split's bookkeeping, a small partition), far shorter than anything a user would notice as burnt CPU.
    private static let spinNanoseconds: UInt64 = 300_000

    /// Starts `threads - 1` workers (the caller of ``run(chunks:_:)`` is the remaining one).
    init(threads: Int) {
        for _ in 1..<max(1, threads) {
            let context = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { context in
                let pool = Unmanaged<SpinningThreadPool>.fromOpaque(context!).takeRetainedValue()
                pool.work()
                return nil
            }, context)
            if started == 0 {
                workers.append(thread)
            } else {
                // No thread means fewer hands, not a failure: the caller runs what no worker claims.
                Unmanaged<SpinningThreadPool>.fromOpaque(context).release()
            }
        }
    }

    /// The number of threads a loop can use: the workers and the caller.
    var width: Int { workers.count + 1 }

    /// Stops and joins the workers. The pool runs loops serially afterwards.
    func shutdown() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        wake.wakeAll()
        for thread in workers { pthread_join(thread, nil) }
        workers = []
    }

    /// Runs `body(0..<chunks)`, each index once, on the caller and the workers, and returns when all have finished.
    /// Returns false without running anything when the pool is already running a loop or is shut down.
    func run(chunks: Int, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
        guard chunks <= Self.chunkMask, !stopping.load(ordering: .relaxed),
            busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
        else { return false }
        self.body = body
        self.chunks = chunks
        finished.store(0, ordering: .relaxed)
        let generation = (ticket.load(ordering: .relaxed) >> Self.chunkBits) + 1
        ticket.store(generation << Self.chunkBits, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 { wake.wakeAll() }
        claimAndRun(generation: generation)
        while finished.load(ordering: .acquiring) < chunks {}
        self.body = nil
        busy.store(false, ordering: .releasing)
        return true
    }

    /// Claims chunks of `generation` until none is left, running each.
    private func claimAndRun(generation: Int) {
        while true {
            var current = ticket.load(ordering: .acquiring)
            while true {
                guard current >> Self.chunkBits == generation, current & Self.chunkMask < chunks else { return }
                let (exchanged, original) = ticket.compareExchange(expected: current, desired: current + 1, ordering: .acquiring)
                if exchanged { break }
                current = original
            }
            body!(current & Self.chunkMask)
            finished.add(1, ordering: .releasing)
        }
    }

    private func work() {
        var seen = 0
        while !stopping.load(ordering: .relaxed) {
            let generation = ticket.load(ordering: .acquiring) >> Self.chunkBits
            if generation != seen {
                seen = generation
                claimAndRun(generation: generation)
                continue
            }
            if !spin(whileGeneration: seen) {
                sleepers.add(1, ordering: .sequentiallyConsistent)
                wake.wait {
                    ticket.load(ordering: .sequentiallyConsistent) >> Self.chunkBits == seen && !stopping.load(ordering: .sequentiallyConsistent)
                }
                sleepers.subtract(1, ordering: .sequentiallyConsistent)
            }
        }
    }

    /// Spins until a new generation is published (true) or the spin budget is spent (false).
    private func spin(whileGeneration seen: Int) -> Bool {
        let deadline = Self.now() + Self.spinNanoseconds
        while true {
            for _ in 0..<256 {
                if ticket.load(ordering: .relaxed) >> Self.chunkBits != seen || stopping.load(ordering: .relaxed) { return true }
            }
            if Self.now() > deadline { return false }
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// A mutex and condition variable pair that sleeping workers wait on.
///
/// Why `@unchecked Sendable` is safe: the pthread objects live in heap memory this instance owns for its whole life,
/// and pthread mutexes and condition variables are made to be used from many threads at once.
private final class ParkingLot: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Sleeps while `stillWaiting` holds; it is evaluated under the mutex, so a wake between the check and the sleep
    /// is never lost.
    func wait(while stillWaiting: () -> Bool) {
        pthread_mutex_lock(mutex)
        while stillWaiting() { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
    }

    func wakeAll() {
        pthread_mutex_lock(mutex)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }
}
