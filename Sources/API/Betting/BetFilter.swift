import Hummingbird
import Store

/// The filters of `GET /betting/bets`: `status`, `sport`, `bet_type`, with `sort` and `order`.
struct BetFilter: Sendable {
    var status: PredictionStatus?
    var sport: String?
    var betType: BetType?
    var order: TrackedBetRepository.Order = .placedAt
    var ascending = false

    init(_ query: Parameters) throws {
        status = try QueryFilters.oneOf(query, "status", PredictionStatus.self)
        sport = try QueryFilters.sport(query)
        betType = try QueryFilters.oneOf(query, "bet_type", BetType.self)
        order = try QueryFilters.oneOf(query, "sort", TrackedBetRepository.Order.self) ?? .placedAt
        if let text = query.get("order") {
            guard text == "asc" || text == "desc" else { throw APIError.validation("order must be asc or desc", field: "order") }
            ascending = text == "asc"
        }
    }
}
