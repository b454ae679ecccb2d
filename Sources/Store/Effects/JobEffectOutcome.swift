/// What `withJobEffect` did: ran the writes, or found the job's effects already recorded.
public enum JobEffectOutcome<Value> {
    /// First delivery: the writes ran and committed together with the job id.
    case applied(Value)
    /// A redelivery: the job id was already recorded, so nothing was written.
    case alreadyApplied

    /// True when the writes ran on this call.
    public var wasApplied: Bool {
        if case .applied = self { return true }
        return false
    }
}

extension JobEffectOutcome: Sendable where Value: Sendable {}
