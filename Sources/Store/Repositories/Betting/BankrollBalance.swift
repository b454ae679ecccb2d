/// Where a user's bankroll stands, in cents.
public struct BankrollBalance: Sendable, Equatable {
    /// The sum of the ledger.
    public var balanceCents: Int
    /// The stakes of the user's pending bets: committed, not yet won or lost.
    public var pendingStakesCents: Int

    /// What the user may still stake or withdraw: the balance less the pending stakes.
    public var availableCents: Int { balanceCents - pendingStakesCents }

    /// A balance.
    public init(balanceCents: Int, pendingStakesCents: Int) {
        self.balanceCents = balanceCents
        self.pendingStakesCents = pendingStakesCents
    }
}
