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

    /// The nice values some threads ran at.
    final class Niceness: Sendable {
        private let values = Mutex<[Int32]>([])
        var all: [Int32] { values.withLock { $0 } }
        func record() { values.withLock { $0.append(ComputeQueueTests.niceness()) } }
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

    @Test func trainingAndItsParallelLoopsRunBehindEverythingElse() async throws {
        let loop = Niceness()
        let training = try await ComputeQueue.run(.training) { () -> Int32 in
            DispatchQueue.concurrentPerform(iterations: 8) { _ in loop.record() }
            return Self.niceness()
        }
        #expect(training >= 10)
        #expect(loop.all.count == 8)
        #expect(loop.all.allSatisfy { $0 >= 10 })
        #expect(try await ComputeQueue.run(.prediction) { Self.niceness() } < training)
    }
}
