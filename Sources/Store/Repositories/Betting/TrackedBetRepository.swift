import Foundation
import Postgres

/// Reads and writes users' tracked bets (`tracked_bets`), and pays graded ones into the bankroll ledger.
public struct TrackedBetRepository: Sendable {
    /// The orders a page of bets can be read in.
    public enum Order: String, SQLSortField {
        case placedAt = "placed_at"
        case gameDate = "game_date"
        case stake
        case profit

        public var column: String {
            switch self {
            case .placedAt: "b.placed_at"
            case .gameDate: "g.scheduled_at"
            case .stake: "b.stake_cents"
            case .profit: "b.profit_cents"
            }
        }
    }

    let database: any PostgresDatabase

    /// Stores a pending bet, idempotently under its client key, if the available bankroll covers its stake.
    ///
    /// The check and the insert run under the user's bankroll lock, so two bets cannot both spend the same money.
    public func place(_ bet: TrackedBet) async throws -> BankrollWrite<TrackedBet> {
        try await database.withTransaction(isolation: #isolation) { tx in
            try await tx.lockBankroll(of: bet.userID)
            if let key = bet.clientKey, let earlier = try await Self.find(clientKey: key, userID: bet.userID, on: tx) {
                return earlier.requestHash == bet.requestHash ? .replayed(earlier) : .keyReused
            }
            let available = try await BankrollRepository.balance(of: bet.userID, on: tx).availableCents
            guard bet.stakeCents <= available else { return .insufficientFunds(availableCents: available) }
            let b = bet
            let row = try await tx.query(
                """
                INSERT INTO tracked_bets (user_id, game_id, prediction_id, sport, bet_type, selection, line, price, stake_cents,
                                          bookmaker, client_key, request_hash, placed_at)
                VALUES (\(b.userID), \(b.gameID), \(b.predictionID), \(b.sport), \(b.betType), \(b.selection), \(b.line), \(b.price),
                        \(b.stakeCents), \(b.bookmaker), \(b.clientKey), \(b.requestHash), \(b.placedAt))
                RETURNING *
                """
            ).first
            guard let row else { throw StoreError(.decoding, message: "INSERT INTO tracked_bets returned no row") }
            return .created(try Self.bet(row))
        }
    }

    /// `userID`'s bet `id`; `nil` when there is none or it is another user's.
    public func find(id: Int, userID: UUID) async throws -> TrackedBet? {
        try await database.query("SELECT * FROM tracked_bets WHERE id = \(id) AND user_id = \(userID)").first.map(Self.bet)
    }

    /// `userID`'s bet made under the client key `clientKey`.
    public func find(clientKey: String, userID: UUID) async throws -> TrackedBet? {
        try await Self.find(clientKey: clientKey, userID: userID, on: database)
    }

    /// One page of `userID`'s bets, with the total, optionally of one status, sport and market.
    public func page(
        userID: UUID, status: PredictionStatus? = nil, sport: String? = nil, betType: BetType? = nil, order: ListOrder<Order> = ListOrder(.placedAt),
        limit: Int, offset: Int
    ) async throws -> (bets: [TrackedBet], total: Int) {
        let conditions: PostgresQuery = """
            b.user_id = \(userID) AND (\(status)::text IS NULL OR b.status = \(status))
            AND (\(sport)::text IS NULL OR b.sport = \(sport)) AND (\(betType)::text IS NULL OR b.bet_type = \(betType))
            """
        let page = try await database.page(
            select: "b.*", from: "tracked_bets b JOIN games g ON g.id = b.game_id", where: conditions, order: order, tiebreak: "b.id",
            limit: limit, offset: offset, row: Self.bet)
        return (page.rows, page.total)
    }

    /// Voids `userID`'s pending bet `id` (the user takes it back before it is graded); the updated bet, or `nil`
    /// when it is not pending. A void pays nothing, so the ledger is not touched.
    public func void(id: Int, userID: UUID, at date: Date) async throws -> TrackedBet? {
        try await database.query(
            """
            UPDATE tracked_bets SET status = 'void', profit_cents = 0, settled_at = \(date)
            WHERE id = \(id) AND user_id = \(userID) AND status = 'pending'
            RETURNING *
            """
        ).first.map(Self.bet)
    }

    /// Games with pending bets that can be graded now, oldest first: final games with both scores, and cancelled
    /// or postponed games, whose bets are voided.
    public func gamesToSettle(sport: String? = nil, gameID: Int? = nil, limit: Int = 1_000) async throws -> [Game] {
        try await database.query(
            """
            SELECT g.* FROM games g
            WHERE g.id IN (SELECT b.game_id FROM tracked_bets b WHERE b.status = 'pending'
                             AND (\(sport)::text IS NULL OR b.sport = \(sport)) AND (\(gameID)::bigint IS NULL OR b.game_id = \(gameID)))
              AND ((g.status = 'final' AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL)
                   OR g.status IN ('cancelled', 'postponed'))
            ORDER BY g.scheduled_at, g.id
            LIMIT \(limit)
            """
        ).map(GameRepository.game)
    }

    /// The pending bets of a game, every user's, for settlement.
    public func pending(gameID: Int) async throws -> [TrackedBet] {
        try await database.query("SELECT * FROM tracked_bets WHERE game_id = \(gameID) AND status = 'pending' ORDER BY id").map(Self.bet)
    }

    /// Grades a pending bet and pays its profit into its user's ledger, in one statement; `result` `nil` voids it
    /// (profit 0). Returns false, writing nothing, when the bet is no longer pending.
    @discardableResult
    public func settle(
        id: Int, result: PredictionResult?, profitCents: Int, closingPrice: Double?, clv: Double?, fairCLV: Double? = nil, at date: Date
    ) async throws -> Bool {
        // The ledger's unique index on a result's bet id makes the payment once-only even if two runs race.
        try await database.query(
            """
            WITH graded AS (
                UPDATE tracked_bets SET status = \(result == nil ? "void" : "settled"), result = \(result),
                    profit_cents = \(profitCents), closing_price = \(closingPrice), clv = \(clv),
                    fair_clv = \(fairCLV), settled_at = \(date)
                WHERE id = \(id) AND status = 'pending'
                RETURNING id, user_id, profit_cents)
            INSERT INTO bankroll_entries (user_id, kind, amount_cents, bet_id)
            SELECT user_id, 'bet_result', profit_cents, id FROM graded
            ON CONFLICT DO NOTHING
            """
        ).affectedRows == 1
    }

    /// How `userID`'s bets did on games scheduled in `from..<to` (either end open), optionally of one sport: over
    /// every bet (the first row, always present), by sport and by market.
    public func performance(userID: UUID, sport: String? = nil, from: Date? = nil, to: Date? = nil) async throws -> [BettingPerformance] {
        let rows = try await database.query(
            """
            SELECT b.sport, b.bet_type,
                   count(*) AS bets,
                   count(*) FILTER (WHERE b.status = 'pending') AS pending,
                   count(*) FILTER (WHERE b.result = 'win') AS wins,
                   count(*) FILTER (WHERE b.result = 'loss') AS losses,
                   count(*) FILTER (WHERE b.result = 'push') AS pushes,
                   count(*) FILTER (WHERE b.status = 'void') AS voids,
                   coalesce(sum(b.stake_cents) FILTER (WHERE b.result IN ('win', 'loss')), 0)::bigint AS staked,
                   coalesce(sum(b.profit_cents) FILTER (WHERE b.status = 'settled'), 0)::bigint AS profit,
                   avg(b.clv) FILTER (WHERE b.status = 'settled') AS mean_clv,
                   count(b.clv) FILTER (WHERE b.status = 'settled') AS clv_count,
                   count(*) FILTER (WHERE b.status = 'settled' AND b.clv > 0) AS beat_close,
                   avg(b.fair_clv) FILTER (WHERE b.status = 'settled') AS mean_fair_clv,
                   count(b.fair_clv) FILTER (WHERE b.status = 'settled') AS fair_clv_count,
                   count(*) FILTER (WHERE b.status = 'settled' AND b.fair_clv > 0) AS beat_fair_close
            FROM tracked_bets b JOIN games g ON g.id = b.game_id
            WHERE b.user_id = \(userID) AND (\(sport)::text IS NULL OR b.sport = \(sport))
              AND (\(from)::timestamptz IS NULL OR g.scheduled_at >= \(from)) AND (\(to)::timestamptz IS NULL OR g.scheduled_at < \(to))
            GROUP BY GROUPING SETS ((), (b.sport), (b.bet_type))
            ORDER BY GROUPING(b.sport) DESC, GROUPING(b.bet_type) DESC, b.sport, b.bet_type
            """
        ).map { row in
            BettingPerformance(
                sport: try row.decode("sport"), betType: try row.decode("bet_type"), bets: try row.decode("bets"),
                pending: try row.decode("pending"), wins: try row.decode("wins"), losses: try row.decode("losses"),
                pushes: try row.decode("pushes"), voids: try row.decode("voids"), stakedCents: try row.decode("staked"),
                profitCents: try row.decode("profit"), meanCLV: try row.decode("mean_clv"), clvCount: try row.decode("clv_count"),
                beatCloseCount: try row.decode("beat_close"), meanFairCLV: try row.decode("mean_fair_clv"),
                fairCLVCount: try row.decode("fair_clv_count"), beatFairCloseCount: try row.decode("beat_fair_close"))
        }
        // Without a bet the grouping sets still yield the overall row; it is the first row either way.
        return rows.isEmpty ? [BettingPerformance()] : rows
    }

    static func find(clientKey: String, userID: UUID, on database: any PostgresDatabase) async throws -> TrackedBet? {
        try await database.query("SELECT * FROM tracked_bets WHERE user_id = \(userID) AND client_key = \(clientKey)").first.map(Self.bet)
    }

    static func bet(_ row: PostgresRow) throws -> TrackedBet {
        TrackedBet(
            id: try row.decode("id"), userID: try row.decode("user_id"), gameID: try row.decode("game_id"),
            predictionID: try row.decode("prediction_id"), sport: try row.decode("sport"), betType: try row.decode("bet_type"),
            selection: try row.decode("selection"), line: try row.decode("line"), price: try row.decode("price"),
            stakeCents: try row.decode("stake_cents"), bookmaker: try row.decode("bookmaker"), status: try row.decode("status"),
            result: try row.decode("result"), profitCents: try row.decode("profit_cents"), closingPrice: try row.decode("closing_price"),
            clv: try row.decode("clv"), fairCLV: try row.decode("fair_clv"), clientKey: try row.decode("client_key"), requestHash: try row.decode("request_hash"),
            placedAt: try row.decode("placed_at"), settledAt: try row.decode("settled_at"))
    }
}
