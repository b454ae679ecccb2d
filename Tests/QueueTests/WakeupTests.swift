import Testing
@testable import Queue

/// The worker's wake-up call, without I/O.
@Suite struct WakeupTests {
    @Test func aSignalSentBeforeTheWaitIsKept() async {
        let wakeup = Wakeup()
        wakeup.signal()
        let start = ContinuousClock.now
        await wakeup.wait(timeout: .seconds(30))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    /// Shutdown waits for running jobs in a task that may be cancelled; a wait that returned at once there spun a core.
    @Test func aCancelledTaskStillWaitsOutTheTimeout() async {
        let wakeup = Wakeup()
        let waited = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            let start = ContinuousClock.now
            var rounds = 0
            while ContinuousClock.now - start < .milliseconds(300) {
                await wakeup.waitIgnoringCancellation(timeout: .milliseconds(50))
                rounds += 1
            }
            return rounds
        }
        // About six rounds of 50 ms; a spinning loop makes thousands.
        #expect(await waited.value <= 20)
    }

    @Test func aSignalEndsAWaitIgnoringCancellation() async {
        let wakeup = Wakeup()
        let start = ContinuousClock.now
        async let waiting: Void = wakeup.waitIgnoringCancellation(timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(50))
        wakeup.signal()
        await waiting
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
