/// How a parent job stands when its child hears of it: only `.state(.succeeded)` lets the child run.
public enum ParentOutcome: Sendable, Hashable {
    /// The parent's state (normally a finished one).
    case state(JobState)
    /// No such parent (never existed, or pruned).
    case missing

    /// Whether the child may run (once every other parent has succeeded too).
    var succeeded: Bool { self == .state(.succeeded) }

    /// The word the Lua scripts and the error history use.
    var text: String {
        switch self {
        case .state(let state): state.rawValue
        case .missing: "missing"
        }
    }

    init(text: String) {
        self = JobState(rawValue: text).map(ParentOutcome.state) ?? .missing
    }
}
