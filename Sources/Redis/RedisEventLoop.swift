import CHiredis
import CUV
import Essentials
import Foundation
import Synchronization

/// The thread that runs one libuv loop for the hiredis connections of a client.
///
/// Work reaches the loop through `execute(_:)`, which queues a closure and wakes the
/// loop with `uv_async_send`; everything else about the loop and its handles happens
/// on the loop thread.
final class RedisEventLoop: @unchecked Sendable {
    // Why @unchecked Sendable is safe: `loop`, `wakeup` and `tick` are immutable
    // pointers whose pointees are read and written only on the loop thread (inside
    // callbacks that libuv runs there), with one exception, `uv_async_send(wakeup)`,
    // which libuv documents as safe to call from any thread. The closure queue is a
    // Mutex. `tickHandlers` and `stopping` are touched only on the loop thread.
    private let loop: UnsafeMutablePointer<uv_loop_t>
    private let wakeup: UnsafeMutablePointer<uv_async_t>
    private let tick: UnsafeMutablePointer<uv_timer_t>
    private let queued = Mutex<[@Sendable () -> Void]>([])
    private let finished = DispatchSemaphore(value: 0)
    private let state = Mutex<LifeCycle>(.running)
    private var tickHandlers: [ObjectIdentifier: () -> Void] = [:]

    private enum LifeCycle { case running, stopped }

    /// The raw loop, for attaching hiredis contexts on the loop thread.
    var uvLoop: UnsafeMutablePointer<uv_loop_t> { loop }

    /// hiredis and libuv write to sockets with plain `write`/`send`, so a write to a connection the server just
    /// closed (a killed or restarted redis-server, a TLS relay whose peer left) raises SIGPIPE, whose default
    /// action ends the whole process. The write's EPIPE is handled as a lost connection instead; as in Redis and
    /// nginx themselves, the signal is ignored process-wide, once, before the first loop starts.
    private static let ignoreBrokenPipes: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    init(name: String) {
        _ = Self.ignoreBrokenPipes
        loop = .allocate(capacity: 1)
        uv_loop_init(loop)
        wakeup = .allocate(capacity: 1)
        tick = .allocate(capacity: 1)
        let opaque = Unmanaged.passUnretained(self).toOpaque()
        uv_async_init(loop, wakeup) { handle in
            guard let data = handle?.pointee.data else { return }
            Unmanaged<RedisEventLoop>.fromOpaque(data).takeUnretainedValue().drain()
        }
        wakeup.pointee.data = opaque
        uv_timer_init(loop, tick)
        tick.pointee.data = opaque
        // A coarse clock for command deadlines and reconnect checks.
        uv_timer_start(tick, { handle in
            guard let data = handle?.pointee.data else { return }
            let loop = Unmanaged<RedisEventLoop>.fromOpaque(data).takeUnretainedValue()
            for handler in loop.tickHandlers.values { handler() }
        }, 20, 20)
        nonisolated(unsafe) let running = loop  // only the new thread uses it from here on
        let thread = Thread { [finished] in
            uv_run(running, UV_RUN_DEFAULT)
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    deinit {
        // `shutdown()` closed the handles and ended the thread; only memory is left.
        uv_loop_close(loop)
        loop.deallocate()
        wakeup.deallocate()
        tick.deallocate()
    }

    /// Runs `work` on the loop thread, soon. Returns false once the loop has stopped.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        // The lock is held across uv_async_send so the handle cannot be closed under it.
        state.withLock { state -> Bool in
            guard state == .running else { return false }
            queued.withLock { $0.append(work) }
            uv_async_send(wakeup)
            return true
        }
    }

    /// Calls `handler` every 20 ms on the loop thread until `removeTickHandler(for:)`.
    func addTickHandler(for owner: AnyObject, _ handler: @escaping () -> Void) {
        tickHandlers[ObjectIdentifier(owner)] = handler
    }

    func removeTickHandler(for owner: AnyObject) {
        tickHandlers[ObjectIdentifier(owner)] = nil
    }

    /// Runs `work` on the loop thread after `delay`.
    func schedule(after delay: Duration, _ work: @escaping () -> Void) {
        let timer = UnsafeMutablePointer<uv_timer_t>.allocate(capacity: 1)
        uv_timer_init(loop, timer)
        timer.pointee.data = Unmanaged.passRetained(ClosureBox(work)).toOpaque()
        uv_timer_start(timer, { handle in
            guard let handle, let data = handle.pointee.data else { return }
            let box = Unmanaged<ClosureBox>.fromOpaque(data).takeRetainedValue()
            handle.pointee.data = nil
            uv_close(UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_handle_t.self)) { closed in
                closed?.deallocate()
            }
            box.work()
        }, UInt64(delay.milliseconds), 0)
    }

    /// Stops the loop after `finalWork` runs on it, and waits for the thread to end.
    ///
    /// `finalWork` should close every connection; handles it leaves open are closed here.
    func shutdown(_ finalWork: @escaping @Sendable () -> Void) {
        let accepted = execute { [self] in
            state.withLock { $0 = .stopped }
            finalWork()
            tickHandlers.removeAll()
            uv_timer_stop(tick)
            uv_close(UnsafeMutableRawPointer(tick).assumingMemoryBound(to: uv_handle_t.self), nil)
            uv_close(UnsafeMutableRawPointer(wakeup).assumingMemoryBound(to: uv_handle_t.self), nil)
            // Close whatever is still open (pending timers) so uv_run returns.
            uv_walk(loop, { handle, _ in
                guard let handle, uv_is_closing(handle) == 0 else { return }
                if handle.pointee.type == UV_TIMER, let data = handle.pointee.data {
                    Unmanaged<ClosureBox>.fromOpaque(data).release()
                    handle.pointee.data = nil
                    uv_close(handle) { $0?.deallocate() }
                } else {
                    uv_close(handle, nil)
                }
            }, nil)
        }
        if accepted { finished.wait() }
    }

    private func drain() {
        while true {
            let work = queued.withLock { queue -> [@Sendable () -> Void] in
                let taken = queue
                queue.removeAll(keepingCapacity: true)
                return taken
            }
            if work.isEmpty { return }
            for item in work { item() }
        }
    }
}

/// A closure kept alive across a C callback.
final class ClosureBox {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}
