import OpenAPIKit
import Store

/// Each user's own bankroll ledger, tracked bets, their summary and stake suggestions.
enum BettingOpenAPI: OpenAPIArea {
    static let tag = "betting"

    /// A client key: the `Idempotency-Key` header or the body's `client_key`.
    private static let clientKey = S.string(pattern: "^[ -~]{1,200}$", minLength: 1, maxLength: 200)
    private static let idempotencyHeader = OpenAPI.Parameter.header(
        name: "Idempotency-Key", schema: clientKey,
        description: "Makes the create idempotent: the same key and request again answer 200 with what the first made; "
            + "the same key with another request is a 409 IDEMPOTENCY_CONFLICT. Or send client_key in the body.")
    private static let betID: [OpenAPI.Parameter] = [.path(name: "id", schema: S.rowID)]
    private static let statuses = ["pending", "settled", "void"]
    private static let markets = ["spread", "moneyline", "total"]
    /// An amount of money: at most two decimals.
    private static let amount = S.number(minimum: 0.01, maximum: 10_000_000)
    /// Decimal odds.
    private static let decimalPrice = S.number(minimum: 1.01, maximum: 1001)
    /// American odds: +100 and above, −100 and below.
    private static let americanPrice: JSONSchema = .any(of: [
        S.number(minimum: 100, maximum: 100_000), S.number(minimum: -100_000, maximum: -100),
    ])

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/betting/bankroll": .pathItem(
                .init(
                    get: operation(
                        "The caller's bankroll: the ledger's balance, the stakes pending bets hold, what is available, and a page of the ledger, newest first.",
                        parameters: OpenAPIParameters.pagination + OpenAPIParameters.sort(BankrollRepository.Order.self, default: .createdAt),
                        responses: [200: .json(S.envelope(S.reference("Bankroll"), meta: S.reference("PageMeta")))], errors: [400, 401, 429]),
                    post: operation(
                        "Deposit or withdraw (not above the available amount). 201 with the entry and the new balance; 200 for a replayed client key.",
                        parameters: [idempotencyHeader], body: S.reference("BankrollRequest"),
                        responses: [201: .json(S.envelope(S.reference("Bankroll"))), 200: .json(S.envelope(S.reference("Bankroll")))],
                        errors: [400, 401, 409, 413, 429]))),
            "/api/v1/betting/bets": .pathItem(
                .init(
                    get: operation(
                        "The caller's tracked bets, newest first by default.",
                        parameters: OpenAPIParameters.pagination + [
                            .query(name: "status", schema: S.string(enumeration: statuses)), .query(name: "sport", schema: S.sport),
                            .query(name: "bet_type", schema: S.string(enumeration: S.betTypes)),
                        ] + OpenAPIParameters.sort(TrackedBetRepository.Order.self, default: .placedAt),
                        responses: [200: .json(S.pricedPage(S.reference("Bet")))], errors: [400, 401, 429]),
                    post: operation(
                        "Track a bet: from a pick (prediction_id; game, market, selection, line, price and book copied) or by hand. "
                            + "Refused on a started game (409 GAME_STARTED) or above the available bankroll (409 INSUFFICIENT_BANKROLL). "
                            + "201 with the bet; 200 for a replayed client key.",
                        parameters: [idempotencyHeader], body: S.reference("BetRequest"),
                        responses: [201: .json(S.envelope(S.reference("Bet"))), 200: .json(S.envelope(S.reference("Bet")))],
                        errors: [400, 401, 409, 413, 422, 429]))),
            "/api/v1/betting/bets/{id}": .pathItem(
                .init(
                    get: operation(
                        "One of the caller's bets.", parameters: betID, responses: [200: .json(S.priced(S.reference("Bet")))],
                        errors: [400, 401, 404, 429]),
                    delete: operation(
                        "Void one of the caller's pending bets before its game starts; its stake is available again.", parameters: betID,
                        responses: [200: .json(S.envelope(S.reference("Bet")))], errors: [400, 401, 404, 409, 429]))),
            "/api/v1/betting/summary": get(
                operation(
                    "P&L, ROI, win rate and CLV of the caller's bets on games in the days asked: overall, by sport and by market.",
                    parameters: OpenAPIParameters.gameDays + [.query(name: "sport", schema: S.sport)],
                    responses: [200: .json(S.priced(S.reference("BettingSummary")))], errors: [400, 401, 429])),
            "/api/v1/betting/stake": get(
                operation(
                    "A stake suggestion for a pick: its Kelly fraction of the caller's available bankroll.",
                    parameters: [.query(name: "prediction_id", required: true, schema: S.rowID)],
                    responses: [200: .json(S.priced(S.reference("StakeSuggestion")))], errors: [400, 401, 404, 422, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "BankrollRequest": S.object(
                required: ["type": S.string(enumeration: ["deposit", "withdrawal"]), "amount": amount],
                optional: ["note": S.string(maxLength: 500), "client_key": clientKey]),
            "Bankroll": S.object(
                required: [
                    "balance": S.number(), "pending_stakes": S.number(minimum: 0), "available": S.number(),
                    "entries": S.array(S.reference("BankrollEntry")),
                ]),
            "BankrollEntry": S.object(
                required: ["id": S.integer(), "type": S.string(enumeration: ["deposit", "withdrawal", "bet_result"]), "amount": S.number()],
                optional: [
                    "bet_id": S.integer(nullable: true), "note": S.string(nullable: true), "client_key": S.string(nullable: true),
                    "created_at": S.nullableDateTime,
                ]),
            // A bet from a pick or by hand; either way a price in one format at most (by hand, one is required).
            "BetRequest": .one(of: [S.reference("BetFromPick"), S.reference("BetByHand")]),
            "BetFromPick": S.object(
                required: ["prediction_id": S.rowID, "stake": amount],
                optional: [
                    "price": decimalPrice, "american_price": americanPrice, "bookmaker": S.string(minLength: 1, maxLength: 64),
                    "client_key": clientKey,
                ]),
            "BetByHand": S.object(
                required: [
                    "game_id": S.rowID, "bet_type": S.string(enumeration: markets),
                    "selection": S.string(enumeration: ["home", "away", "draw", "over", "under"]), "stake": amount,
                ],
                optional: [
                    "line": S.number(minimum: -1000, maximum: 1000, nullable: true), "price": decimalPrice, "american_price": americanPrice,
                    "bookmaker": S.string(minLength: 1, maxLength: 64), "client_key": clientKey,
                ]),
            "Bet": S.object(
                required: [
                    "id": S.integer(), "game_id": S.integer(), "sport": S.string(), "bet_type": S.string(enumeration: markets),
                    "selection": S.string(), "price": S.number(), "stake": S.number(), "potential_payout": S.number(),
                    "status": S.string(enumeration: statuses), "placed_at": S.dateTime,
                ],
                optional: [
                    "prediction_id": S.integer(nullable: true), "line": S.number(nullable: true), "american_price": S.number(nullable: true),
                    "bookmaker": S.string(nullable: true), "result": S.string(enumeration: S.results, nullable: true),
                    "profit": S.number(nullable: true), "closing_price": S.number(nullable: true), "clv": S.number(nullable: true),
                    "fair_clv": S.number(nullable: true), "client_key": S.string(nullable: true), "settled_at": S.nullableDateTime,
                ]),
            "BettingFigures": S.object(
                required: [
                    "bets": S.integer(minimum: 0), "pending": S.integer(minimum: 0), "wins": S.integer(minimum: 0),
                    "losses": S.integer(minimum: 0), "pushes": S.integer(minimum: 0), "voids": S.integer(minimum: 0),
                    "staked": S.number(), "profit": S.number(), "clv_bets": S.integer(minimum: 0),
                    "fair_clv_bets": S.integer(minimum: 0),
                ],
                optional: [
                    "sport": S.string(nullable: true), "bet_type": S.string(nullable: true), "roi": S.number(nullable: true),
                    "win_rate": S.number(nullable: true), "mean_clv": S.number(nullable: true), "beat_close_rate": S.number(nullable: true),
                    "mean_fair_clv": S.number(nullable: true), "beat_fair_close_rate": S.number(nullable: true),
                ]),
            "BettingSummary": S.object(required: [
                "overall": S.reference("BettingFigures"), "by_sport": S.array(S.reference("BettingFigures")),
                "by_market": S.array(S.reference("BettingFigures")),
            ]),
            "StakeSuggestion": S.object(
                required: [
                    "prediction_id": S.integer(), "game_id": S.integer(), "bet_type": S.string(), "selection": S.string(),
                    "probability": S.number(), "edge": S.number(), "tier": S.string(enumeration: S.tiers), "kelly_fraction": S.number(),
                    "bankroll_balance": S.number(), "available": S.number(), "suggested_stake": S.number(minimum: 0),
                ],
                optional: ["line": S.number(nullable: true), "price": S.number(nullable: true), "american_price": S.number(nullable: true)]),
        ]
    }
}
