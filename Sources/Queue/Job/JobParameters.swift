/// The typed payload of one job type: a `Codable` struct with the type's name.
///
/// Register a handler for it with `JobRegistry.register`; submitting a job of this type
/// decodes and validates the payload before anything is written.
public protocol JobParameters: Codable, Sendable {
    /// The job type, dotted lowercase (`collect.odds`).
    static var jobType: String { get }
    /// The queue jobs of this type go to unless the submitter says otherwise.
    static var defaultQueue: String { get }
    /// Checks the values beyond their types; throw `QueueError(.invalidRequest, …)` to refuse.
    func validate() throws
}

extension JobParameters {
    public static var defaultQueue: String { "default" }
    public func validate() throws {}
}
