import Foundation
import Store

/// A bankroll as the API shows it: the ledger's balance, what pending bets hold, what is left to stake or
/// withdraw, and (on `GET`) a page of the ledger, newest first.
struct BankrollView: Encodable, Sendable {
    var balance: Double
    var pendingStakes: Double
    var available: Double
    var entries: [BankrollEntryView]

    init(_ balance: BankrollBalance, entries: [BankrollEntry]) {
        self.balance = Money.amount(balance.balanceCents)
        pendingStakes = Money.amount(balance.pendingStakesCents)
        available = Money.amount(balance.availableCents)
        self.entries = entries.map(BankrollEntryView.init)
    }
}

/// One ledger line: signed amount (withdrawals and lost bets negative).
struct BankrollEntryView: Encodable, Sendable {
    var id: Int
    var type: String
    var amount: Double
    var betId: Int?
    var note: String?
    var clientKey: String?
    var createdAt: Date?

    init(_ entry: BankrollEntry) {
        id = entry.id ?? 0
        type = entry.kind.rawValue
        amount = Money.amount(entry.amountCents)
        betId = entry.betID
        note = entry.note
        clientKey = entry.clientKey
        createdAt = entry.createdAt
    }
}
