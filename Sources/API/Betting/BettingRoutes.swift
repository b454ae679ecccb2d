import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `/betting`: each signed-in user's own bankroll ledger, tracked bets, their summary, and stake suggestions.
///
/// Every read and write is scoped to the caller: another user's bet answers 404, as if it did not exist. Reads
/// go to the primary, so a bet is seen the moment it is made.
struct BettingRoutes: Sendable {
    let database: any PostgresDatabase
    let maxBodySize: Int
    /// The sports whose moneyline has a draw to bet on.
    let threeWaySports: Set<String>
    /// The platform's clock: when a bet is made, and whether its game has started.
    let now: @Sendable () -> Date
    /// Where the games, prices and results the bets are graded on come from (`meta.market` on the reads).
    let market: MarketSource

    func register(on group: RouteRegistrar) {
        group.get("betting/bankroll", use: bankroll)
        group.post("betting/bankroll", use: recordBankroll)
        group.get("betting/bets", use: list)
        group.post("betting/bets", use: place)
        group.get("betting/bets/{id}", use: show)
        group.delete("betting/bets/{id}", use: void)
        group.get("betting/summary", use: summary)
        group.get("betting/stake", use: stake)
    }

    @Sendable func bankroll(_ request: Request, context: APIRequestContext) async throws -> Envelope<BankrollView, PageMeta> {
        let user = try context.requireUserID()
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let order = try ListOrder(query, default: ListOrder(BankrollRepository.Order.createdAt))
        let balance = try await database.bankroll.balance(of: user)
        let page = try await database.bankroll.entries(of: user, order: order, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: BankrollView(balance, entries: page.entries), meta: pagination.meta(total: page.total))
    }

    /// A deposit or withdrawal: 201 with the entry and the new balance; 200 with the same for a replayed client key.
    @Sendable func recordBankroll(_ request: Request, context: APIRequestContext) async throws
        -> EditedResponse<Envelope<BankrollView, EmptyMeta>>
    {
        let user = try context.requireUserID()
        var request = request
        let body = try await request.decodeJSON(BankrollRequest.self, context: context, limit: maxBodySize)
        let entry = try body.entry(userID: user, clientKey: try ClientKey.of(request, body: body.clientKey))
        let (written, status) = try Self.answer(
            try await database.bankroll.record(entry), key: entry.clientKey, asked: -entry.amountCents, field: "amount")
        let balance = try await database.bankroll.balance(of: user)
        return EditedResponse(status: status, response: Envelope(data: BankrollView(balance, entries: [written]), meta: EmptyMeta()))
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[BetView], PageMeta> {
        let user = try context.requireUserID()
        let query = request.uri.queryParameters
        let filter = try BetFilter(query)
        let pagination = try Pagination(query)
        let page = try await database.trackedBets.page(
            userID: user, status: filter.status, sport: filter.sport, betType: filter.betType, order: filter.order,
            limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.bets.map(BetView.init), meta: pagination.meta(total: page.total), market: market)
    }

    /// Makes a bet: 201 with it; 200 with the bet already made for a replayed client key.
    @Sendable func place(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Envelope<BetView, EmptyMeta>> {
        let user = try context.requireUserID()
        var request = request
        let body = try await request.decodeJSON(BetRequest.self, context: context, limit: maxBodySize)
        let key = try ClientKey.of(request, body: body.clientKey)
        let checked = try body.checked()
        let fingerprint = checked.fingerprint
        // A replay is answered before anything else is checked: the game may have started since the first try.
        if let key, let earlier = try await database.trackedBets.find(clientKey: key, userID: user) {
            guard earlier.requestHash == fingerprint else { throw Self.keyReused(key) }
            return EditedResponse(status: .ok, response: Envelope(data: BetView(earlier), meta: EmptyMeta()))
        }
        var bet = try await newBet(checked, userID: user)
        bet.clientKey = key
        bet.requestHash = fingerprint
        guard let game = try await database.games.find(id: bet.gameID) else {
            throw GameRoutes.notFound(bet.gameID, status: .unprocessableContent)
        }
        try refuseStarted(game)
        if bet.selection == BetRequest.draw, !threeWaySports.contains(game.sport) {
            throw APIError.validation(
                "selection draw is only for three-way moneylines (\(threeWaySports.sorted().joined(separator: ", "))); "
                    + "a \(game.sport) moneyline is home or away", field: "selection")
        }
        bet.sport = game.sport
        let (placed, status) = try Self.answer(try await database.trackedBets.place(bet), key: key, asked: bet.stakeCents, field: "stake")
        return EditedResponse(status: status, response: Envelope(data: BetView(placed), meta: EmptyMeta()))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<BetView, EmptyMeta> {
        Envelope(data: BetView(try await callersBet(context).bet), meta: EmptyMeta(), market: market)
    }

    /// Voids a pending bet before its game starts (its stake is free again); a graded or started one is kept.
    @Sendable func void(_ request: Request, context: APIRequestContext) async throws -> Envelope<BetView, EmptyMeta> {
        let (user, id, bet) = try await callersBet(context)
        guard bet.status == .pending else {
            throw APIError(
                .conflict, code: "BET_NOT_PENDING", "bet \(id) is already \(bet.status.rawValue)",
                details: ["bet_id": .integer(Int64(id)), "status": .string(bet.status.rawValue)])
        }
        if let game = try await database.games.find(id: bet.gameID) { try refuseStarted(game) }
        guard let voided = try await database.trackedBets.void(id: id, userID: user, at: now()) else {
            // Graded between the read and the update.
            throw APIError(.conflict, code: "BET_NOT_PENDING", "bet \(id) was graded meanwhile", details: ["bet_id": .integer(Int64(id))])
        }
        return Envelope(data: BetView(voided), meta: EmptyMeta())
    }

    @Sendable func summary(_ request: Request, context: APIRequestContext) async throws -> Envelope<BettingSummaryView, EmptyMeta> {
        let user = try context.requireUserID()
        let query = request.uri.queryParameters
        let sport = try QueryFilters.sport(query)
        let (from, to) = try QueryFilters.gameDays(query)
        let rows = try await database.trackedBets.performance(userID: user, sport: sport, from: from, to: to)
        return Envelope(data: BettingSummaryView(rows), meta: EmptyMeta(), market: market)
    }

    @Sendable func stake(_ request: Request, context: APIRequestContext) async throws -> Envelope<StakeSuggestion, EmptyMeta> {
        let user = try context.requireUserID()
        guard let text = request.uri.queryParameters.get("prediction_id") else {
            throw APIError.validation("prediction_id is required", field: "prediction_id")
        }
        let id = try QueryFilters.positiveID(text, field: "prediction_id")
        let pick = try await bettablePick(id, missing: .notFound)
        let balance = try await database.bankroll.balance(of: user)
        let suggested = Int((Double(max(0, balance.availableCents)) * pick.stake).rounded(.down))
        return Envelope(
            data: StakeSuggestion(
                predictionId: id, gameId: pick.gameID, betType: pick.betType.rawValue, selection: pick.selection, line: pick.line,
                price: pick.price, americanPrice: pick.price.flatMap(BetView.americanPrice), probability: pick.probability, edge: pick.edge,
                tier: pick.tier.rawValue, kellyFraction: pick.stake, bankrollBalance: Money.amount(balance.balanceCents),
                available: Money.amount(balance.availableCents), suggestedStake: Money.amount(suggested)),
            meta: EmptyMeta(), market: market)
    }

    /// The bet `checked` describes, its game, market, selection, line, price and book copied from the pick when it
    /// names one (its own price and book win when sent); `sport` is filled from the game.
    private func newBet(_ checked: BetRequest.Checked, userID: UUID) async throws -> TrackedBet {
        switch checked.source {
        case .manual(let gameID, let betType, let selection, let line, let price):
            return TrackedBet(
                userID: userID, gameID: gameID, sport: "", betType: betType, selection: selection, line: line, price: price,
                stakeCents: checked.stakeCents, bookmaker: checked.bookmaker, placedAt: now())
        case .pick(let id):
            let pick = try await bettablePick(id, missing: .unprocessableContent)
            guard let price = checked.pickPrice ?? pick.price else {
                throw APIError.validation("the pick has no price; send price or american_price", field: "price")
            }
            return TrackedBet(
                userID: userID, gameID: pick.gameID, predictionID: id, sport: pick.sport, betType: pick.betType, selection: pick.selection,
                line: pick.line, price: price, stakeCents: checked.stakeCents, bookmaker: checked.bookmaker ?? pick.bookmaker,
                placedAt: now())
        }
    }

    /// 409 `GAME_STARTED` unless `game` is still scheduled in the future.
    private func refuseStarted(_ game: Game) throws {
        guard game.status == .scheduled, game.scheduledAt > now() else {
            throw APIError(
                .conflict, code: "GAME_STARTED", "game \(game.id ?? 0) has started (\(game.status.rawValue)); bets close at the start",
                details: [
                    "game_id": .integer(Int64(game.id ?? 0)), "status": .string(game.status.rawValue),
                    "scheduled_at": .string(ISO8601DateFormatter().string(from: game.scheduledAt)),
                ])
        }
    }

    /// The prediction `id`: `PREDICTION_NOT_FOUND` with status `missing` when there is none, 422
    /// `PREDICTION_NOT_A_PICK` unless it is a published pick on a market bets are graded in.
    private func bettablePick(_ id: Int, missing: HTTPResponse.Status) async throws -> Prediction {
        guard let prediction = try await database.predictions.find(id: id) else { throw PredictionRoutes.notFound(id, status: missing) }
        guard prediction.pick, prediction.betType != .playerProp else {
            throw APIError(
                .unprocessableContent, code: "PREDICTION_NOT_A_PICK",
                "prediction \(id) is not a pick (a forecast without a pick, or a player prop); bet on a pick or enter the bet by hand",
                details: ["prediction_id": .integer(Int64(id))])
        }
        return prediction
    }

    /// The caller's bet that the `{id}` path parameter names, with the caller and the id; another user's bet is 404,
    /// as if it did not exist.
    private func callersBet(_ context: APIRequestContext) async throws -> (user: UUID, id: Int, bet: TrackedBet) {
        let user = try context.requireUserID()
        let id = try QueryFilters.pathID(context, label: "the bet id")
        guard let bet = try await database.trackedBets.find(id: id, userID: user) else { throw Self.betNotFound(id) }
        return (user, id, bet)
    }

    private static func betNotFound(_ id: Int) -> APIError {
        APIError.notFound("Bet", id: id, code: "BET_NOT_FOUND", key: "bet_id")
    }

    /// The row `write` made (201) or found again for a replayed client key (200); 409 for a reused `key`, or for a
    /// bankroll that does not cover the `asked` cents of `field`.
    private static func answer<Row>(
        _ write: BankrollWrite<Row>, key: String?, asked: Int, field: String
    ) throws -> (row: Row, status: HTTPResponse.Status) {
        switch write {
        case .created(let row): return (row, .created)
        case .replayed(let row): return (row, .ok)
        case .keyReused: throw keyReused(key)
        case .insufficientFunds(let available): throw insufficient(asked: asked, available: available, field: field)
        }
    }

    private static func keyReused(_ key: String?) -> APIError {
        APIError(
            .conflict, code: "IDEMPOTENCY_CONFLICT", "this client key was already used for a different request",
            details: ["client_key": .string(String((key ?? "").prefix(200)))])
    }

    private static func insufficient(asked: Int, available: Int, field: String) -> APIError {
        APIError(
            .conflict, code: "INSUFFICIENT_BANKROLL",
            "\(field) \(Money.amount(asked)) is above the available bankroll \(Money.amount(available)) (balance less pending stakes)",
            details: ["field": .string(field), "requested": .number(Money.amount(asked)), "available": .number(Money.amount(available))])
    }
}
