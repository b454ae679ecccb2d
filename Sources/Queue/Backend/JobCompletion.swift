/// A leased job that succeeded, with its result.
public struct JobCompletion: Sendable, Hashable {
    public var lease: JobLease
    /// The result as JSON text, stored with the succeeded job.
    public var result: String
}
