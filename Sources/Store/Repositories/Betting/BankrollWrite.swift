/// What a create that draws on a bankroll did (a withdrawal, a bet): made the row, found the one the same
/// request made before under its client key, or was refused.
public enum BankrollWrite<Row: Sendable>: Sendable {
    /// A new row.
    case created(Row)
    /// The row the same client key and the same request made earlier; nothing was written.
    case replayed(Row)
    /// The client key was used for a different request; nothing was written.
    case keyReused
    /// The bankroll's available amount (cents) does not cover the request; nothing was written.
    case insufficientFunds(availableCents: Int)
}
