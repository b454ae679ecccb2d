import Dispatch
import Glibc
import Synchronization
import Testing
@testable import Jobs

@Suite struct ComputeQueueTests {
    /// Set once the training lane is let go.
    final class Released: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    /// The calling thread's nice value (Linux keeps one per thread; id 0 is the caller).
    static func niceness() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    @Test func aPredictionFitDoesNotWaitBehindTraining() async throws {
        let gate = DispatchSemaphore(value: 0)
        let released = Released()
        let training = Task { try await ComputeQueue.run(.training) { gate.wait() } }
        // The training lane is held until the gate opens: by this test below, or after 30 s should the prediction
        // fit wait in the same line (then it runs only after the gate and sees it open).
        let timer = Task {
            try await Task.sleep(for: .seconds(30))
            released.set()
            gate.signal()
        }
        let ranWhileTrainingHeld = try await ComputeQueue.run(.prediction) { !released.isSet }
        timer.cancel()
        if !released.isSet {
            released.set()
            gate.signal()
        }
        #expect(ranWhileTrainingHeld)
        try await training.value
    }

    /// Training runs behind everything else. Its `concurrentPerform` loops are not checked: dispatch does not promise
    /// the class of the threads that help a loop, and a loaded run saw one below nice 10.
    @Test func trainingRunsBehindEverythingElse() async throws {
        let training = try await ComputeQueue.run(.training) { Self.niceness() }
        #expect(training >= 10)
        #expect(try await ComputeQueue.run(.prediction) { Self.niceness() } < training)
    }
}
