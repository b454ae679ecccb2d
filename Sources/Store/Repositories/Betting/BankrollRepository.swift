import Foundation
import Postgres

/// Reads and writes users' bankroll ledgers (`bankroll_entries`).
public struct BankrollRepository: Sendable {
    let database: any PostgresDatabase

    /// The balance of `userID`'s ledger and the stakes of their pending bets.
    public func balance(of userID: UUID) async throws -> BankrollBalance {
        try await Self.balance(of: userID, on: database)
    }

    /// The orders a page of entries can be read in.
    public enum Order: String, SQLSortField {
        case createdAt = "created_at"
        case amount

        public var column: String {
            switch self {
            case .createdAt: "created_at"
            case .amount: "amount_cents"
            }
        }
    }

    /// `userID`'s entries, one page of them (newest first unless `order` says otherwise), with the total.
    public func entries(
        of userID: UUID, order: ListOrder<Order> = ListOrder(.createdAt), limit: Int, offset: Int
    ) async throws -> (entries: [BankrollEntry], total: Int) {
        let page = try await database.page(
            select: "*", from: "bankroll_entries", where: "user_id = \(userID)", order: order, tiebreak: "id", limit: limit,
            offset: offset, row: Self.entry)
        return (page.rows, page.total)
    }

    /// Records a deposit or a withdrawal, idempotently under its client key.
    ///
    /// A withdrawal must be covered by the available amount (the balance less pending stakes), checked under a
    /// per-user lock so two requests cannot both spend the same money.
    public func record(_ entry: BankrollEntry) async throws -> BankrollWrite<BankrollEntry> {
        try await database.withTransaction(isolation: #isolation) { tx in
            try await tx.lockBankroll(of: entry.userID)
            if let key = entry.clientKey,
                let earlier = try await tx.query("SELECT * FROM bankroll_entries WHERE user_id = \(entry.userID) AND client_key = \(key)")
                    .first.map(Self.entry)
            {
                return earlier.requestHash == entry.requestHash ? .replayed(earlier) : .keyReused
            }
            if entry.amountCents < 0 {
                let available = try await Self.balance(of: entry.userID, on: tx).availableCents
                guard available + entry.amountCents >= 0 else { return .insufficientFunds(availableCents: available) }
            }
            let row = try await tx.query(
                """
                INSERT INTO bankroll_entries (user_id, kind, amount_cents, note, client_key, request_hash)
                VALUES (\(entry.userID), \(entry.kind), \(entry.amountCents), \(entry.note), \(entry.clientKey), \(entry.requestHash))
                RETURNING *
                """
            ).first
            guard let row else { throw StoreError(.decoding, message: "INSERT INTO bankroll_entries returned no row") }
            return .created(try Self.entry(row))
        }
    }

    static func balance(of userID: UUID, on database: any PostgresDatabase) async throws -> BankrollBalance {
        let row = try await database.query(
            """
            SELECT (SELECT coalesce(sum(amount_cents), 0) FROM bankroll_entries WHERE user_id = \(userID))::bigint AS balance,
                   (SELECT coalesce(sum(stake_cents), 0) FROM tracked_bets WHERE user_id = \(userID) AND status = 'pending')::bigint AS pending
            """
        ).first
        return BankrollBalance(
            balanceCents: try row?.decode(Int.self, "balance") ?? 0, pendingStakesCents: try row?.decode(Int.self, "pending") ?? 0)
    }

    static func entry(_ row: PostgresRow) throws -> BankrollEntry {
        BankrollEntry(
            id: try row.decode("id"), userID: try row.decode("user_id"), kind: try row.decode("kind"),
            amountCents: try row.decode("amount_cents"), betID: try row.decode("bet_id"), note: try row.decode("note"),
            clientKey: try row.decode("client_key"), requestHash: try row.decode("request_hash"), createdAt: try row.decode("created_at"))
    }
}
