/// What a new or returning leader does with ticks that passed while no leader was enqueueing.
public enum MissedTickPolicy: Sendable, Equatable, CustomStringConvertible {
    /// Missed ticks are dropped; only a tick late by less than the scheduler's grace period still fires.
    case skip
    /// The most recent `limit` missed ticks fire, oldest first; older ones are dropped.
    case catchUp(limit: Int)

    /// Reads `skip` or `catch-up N`.
    public init?(_ text: String) {
        let words = text.split(separator: " ")
        switch words.count {
        case 1 where words[0] == "skip":
            self = .skip
        case 2 where words[0] == "catch-up":
            guard let limit = Int(words[1]), limit > 0 else { return nil }
            self = .catchUp(limit: limit)
        default:
            return nil
        }
    }

    /// The policy as a schedule file writes it.
    public var description: String {
        switch self {
        case .skip: "skip"
        case .catchUp(let limit): "catch-up \(limit)"
        }
    }
}
