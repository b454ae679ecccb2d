import Postgres
import Foundation

/// One line of a user's bankroll ledger; the balance is the sum of the amounts.
public struct BankrollEntry: Sendable, Equatable {
    /// What moved the bankroll.
    public enum Kind: String, Sendable, CaseIterable, PostgresTextEnum {
        /// Money put in (positive).
        case deposit
        /// Money taken out (negative).
        case withdrawal
        /// A graded bet's profit: positive won, negative lost, zero for a push or a void.
        case betResult = "bet_result"
    }

    /// The database id; `nil` until stored.
    public var id: Int?
    /// Whose bankroll.
    public var userID: UUID
    /// What moved it.
    public var kind: Kind
    /// The signed amount, in cents.
    public var amountCents: Int
    /// The graded bet, for a `betResult`.
    public var betID: Int?
    /// The user's note on a deposit or withdrawal.
    public var note: String?
    /// The client's idempotency key.
    public var clientKey: String?
    /// The fingerprint of the request that made it.
    public var requestHash: String?
    /// When it was recorded; set by the database.
    public var createdAt: Date?

    /// Creates an entry.
    public init(
        id: Int? = nil, userID: UUID, kind: Kind, amountCents: Int, betID: Int? = nil, note: String? = nil, clientKey: String? = nil,
        requestHash: String? = nil, createdAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.amountCents = amountCents
        self.betID = betID
        self.note = note
        self.clientKey = clientKey
        self.requestHash = requestHash
        self.createdAt = createdAt
    }
}
