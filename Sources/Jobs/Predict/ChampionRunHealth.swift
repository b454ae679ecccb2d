/// How one champion fared in one `predict` run: what the rollback triggers look at.
public struct ChampionRunHealth: Sendable, Equatable {
    /// Games the model was asked to predict.
    public var attempts: Int
    /// Of those, the ones it gave no usable probability for.
    public var failures: Int
    /// The thread CPU time of each prediction, microseconds.
    public var latencyMicroseconds: [Double]

    /// The figures of a run.
    public init(attempts: Int, failures: Int, latencyMicroseconds: [Double] = []) {
        self.attempts = attempts
        self.failures = failures
        self.latencyMicroseconds = latencyMicroseconds
    }

    /// The median prediction latency, microseconds; nil without measurements.
    public var medianLatency: Double? {
        guard !latencyMicroseconds.isEmpty else { return nil }
        let sorted = latencyMicroseconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
