import Foundation
import Hummingbird
import Store

/// The seed's filters for `GET /api/v1/predictions`: `sport`, `date`, `date_from`/`date_to`
/// (the game's scheduled day, UTC), `tier`, `bet_type`, `status`, `pick` (`true`: picks only; `false`: forecasts
/// that are not picks), with `sort` and `order`.
struct PredictionFilter: Sendable, Hashable {
    /// The fields a page of predictions can be sorted by.
    enum Order: String, SQLSortField {
        case createdAt = "created_at"
        case gameDate = "game_date"
        case edge
        case probability
        case tier

        var column: String {
            switch self {
            case .createdAt: "p.created_at"
            case .gameDate: "g.scheduled_at"
            case .edge: "p.edge"
            case .probability: "p.probability"
            case .tier: "p.tier"
            }
        }
    }

    var sport: String?
    var from: Date?
    var to: Date?
    var tier: SignalTier?
    var betType: BetType?
    var status: PredictionStatus?
    var pick: Bool?
    var order = ListOrder(Order.createdAt)

    init(_ query: Parameters) throws {
        sport = try QueryFilters.sport(query)
        tier = try QueryFilters.oneOf(query, "tier", SignalTier.self, transform: { $0.uppercased() })
        betType = try QueryFilters.oneOf(query, "bet_type", BetType.self)
        status = try QueryFilters.oneOf(query, "status", PredictionStatus.self)
        (from, to) = try QueryFilters.gameDays(query)
        pick = try QueryFilters.flag(query, "pick")
        order = try ListOrder(query, default: order)
    }

    /// A stable text form, the cache key of a page.
    func cacheKey(_ pagination: Pagination) -> String {
        ReadCache.pageEntry(
            [
                sport ?? "", ReadCache.entryFilter(from), ReadCache.entryFilter(to), tier?.rawValue ?? "", betType?.rawValue ?? "",
                status?.rawValue ?? "", pick.map(String.init) ?? "",
            ], order: order, pagination: pagination)
    }
}
