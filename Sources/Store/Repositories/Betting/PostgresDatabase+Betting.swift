import Foundation
import Postgres

extension PostgresDatabase {
    /// `tracked_bets`, users' own bets.
    public var trackedBets: TrackedBetRepository { TrackedBetRepository(database: self) }
    /// `bankroll_entries`, users' bankroll ledgers.
    public var bankroll: BankrollRepository { BankrollRepository(database: self) }
}

extension PostgresConnection {
    /// Serializes, until the transaction ends, every bankroll write of `userID`: a check of the available amount
    /// and the write it allows cannot interleave with another request's.
    func lockBankroll(of userID: UUID) async throws {
        _ = try await query("SELECT pg_advisory_xact_lock(hashtextextended(\(userID.uuidString.lowercased()), 17))")
    }
}
