import Dispatch
import ML

/// Where model fitting runs: serial lines of its own, so minutes of CPU-bound work never occupy a thread of the Swift
/// cooperative pool (which also runs the worker's heartbeats and the API). The learners parallelise inside
/// with `concurrentPerform`; one fit at a time per lane keeps them from fighting for cores.
enum ComputeQueue {
    /// Which line a fit waits in.
    enum Lane: Sendable {
        /// Training and calibration: minutes per fit, at background quality of service, which Linux's dispatch runs
        /// at nice 10 (utility, before, ran at 2), and the thread teams of its gradient boosting inherit the value, so
        /// the featurize and predict jobs and the API requests of the same machine get the cores first. Its
        /// `concurrentPerform` loops mostly run on threads of the same class, but not always: a loaded test run saw an
        /// iteration on a thread below nice 10.
        case training
        /// A fit a prediction job makes on its way to publishing (a prop market's regression: seconds). Its own line,
        /// so it never waits behind a calibration and runs out its job's timeout there (seen in `aips dev`, whose
        /// prediction jobs have 50 s).
        case prediction
    }

    private static let training = DispatchQueue(label: "aips.training", qos: .background)
    private static let prediction = DispatchQueue(label: "aips.prediction-fits", qos: .userInitiated)

    /// Runs `work` on `lane`'s queue and returns its result.
    ///
    /// Cancelling the calling task (the worker does on a cancel request, a timeout or a lost lease) cancels the
    /// token bound to `work`: the learners check it between trees, λs, folds and models and throw
    /// `CancellationError`, so the queue is free again within seconds. Work still waiting its turn when the task is
    /// cancelled does not start.
    static func run<T: Sendable>(_ lane: Lane = .training, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let token = CancellationToken()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                (lane == .training ? training : prediction).async {
                    continuation.resume(
                        with: Result {
                            try token.bind {
                                try CancellationToken.check()
                                return try work()
                            }
                        })
                }
            }
        } onCancel: {
            token.cancel()
        }
    }
}
