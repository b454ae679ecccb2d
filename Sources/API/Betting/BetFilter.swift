import Hummingbird
import Store

/// The filters of `GET /betting/bets`: `status`, `sport`, `bet_type`, with `sort` and `order`.
struct BetFilter: Sendable {
    var status: PredictionStatus?
    var sport: String?
    var betType: BetType?
    var order = ListOrder(TrackedBetRepository.Order.placedAt)

    init(_ query: Parameters) throws {
        status = try QueryFilters.oneOf(query, "status", PredictionStatus.self)
        sport = try QueryFilters.sport(query)
        betType = try QueryFilters.oneOf(query, "bet_type", BetType.self)
        order = try ListOrder(query, default: order)
    }
}
