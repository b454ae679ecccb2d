/// One job a schedule enqueues at each tick; a schedule with several forms a flow.
public struct ScheduledJob: Sendable, Equatable {
    /// The job's name within its schedule: the idempotency key's suffix and what `after` refers to.
    public var step: String
    /// The job type (`collect.odds`).
    public var type: String
    /// The queue it goes to.
    public var queue: String
    /// The payload as JSON text.
    public var payload: String
    /// 0 (first) to 9 (last).
    public var priority: Int
    /// Attempts before the job is dead.
    public var maxAttempts: Int
    /// How long one attempt may run.
    public var timeout: Duration
    /// Steps of the same tick that must succeed before this one runs.
    public var after: [String]

    /// A job of `type`; `step` defaults to the type.
    public init(
        step: String? = nil,
        type: String,
        queue: String = "default",
        payload: String = "{}",
        priority: Int = 5,
        maxAttempts: Int = 3,
        timeout: Duration = .seconds(1_800),
        after: [String] = []
    ) {
        self.step = step ?? type
        self.type = type
        self.queue = queue
        self.payload = payload
        self.priority = priority
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.after = after
    }
}
