import Foundation
import Hummingbird
import Store

/// The seed's filters for `GET /api/v1/predictions`: `sport`, `date`, `date_from`/`date_to`
/// (the game's scheduled day, UTC), `tier`, `bet_type`, `status`, with `sort` and `order`.
struct PredictionFilter: Sendable, Hashable {
    enum SortField: String, Sendable, CaseIterable {
        case createdAt = "created_at"
        case gameDate = "game_date"
        case edge
        case probability
        case tier
    }

    var sport: String?
    var from: Date?
    var to: Date?
    var tier: SignalTier?
    var betType: BetType?
    var status: PredictionStatus?
    var sort: SortField = .createdAt
    var ascending = false

    init(_ query: Parameters) throws {
        if let text = query.get("sport") {
            guard (1...32).contains(text.utf8.count), text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else {
                throw APIError.validation("sport must be a lowercase sport code such as nfl or nba", field: "sport")
            }
            sport = text
        }
        if let text = query.get("tier") {
            guard let tier = SignalTier(rawValue: text.uppercased()) else {
                throw APIError.validation("tier must be one of A, B, C, D", field: "tier")
            }
            self.tier = tier
        }
        if let text = query.get("bet_type") {
            guard let betType = BetType(rawValue: text) else {
                throw APIError.validation("bet_type must be one of \(BetType.allCases.map(\.rawValue).joined(separator: ", "))", field: "bet_type")
            }
            self.betType = betType
        }
        if let text = query.get("status") {
            guard let status = PredictionStatus(rawValue: text) else {
                throw APIError.validation("status must be one of \(PredictionStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            self.status = status
        }
        if let text = query.get("date") {
            guard let day = QueryDate.day(text) else { throw APIError.validation("date must be YYYY-MM-DD", field: "date") }
            guard query.get("date_from") == nil, query.get("date_to") == nil else {
                throw APIError.validation("date cannot be combined with date_from or date_to", field: "date")
            }
            from = day
            to = day.addingTimeInterval(86_400)
        } else {
            if let text = query.get("date_from") {
                guard let day = QueryDate.day(text) else { throw APIError.validation("date_from must be YYYY-MM-DD", field: "date_from") }
                from = day
            }
            if let text = query.get("date_to") {
                guard let day = QueryDate.day(text) else { throw APIError.validation("date_to must be YYYY-MM-DD", field: "date_to") }
                to = day.addingTimeInterval(86_400)
            }
            if let from, let to, from >= to {
                throw APIError.validation("date_from must not be after date_to", field: "date_from")
            }
        }
        if let text = query.get("sort") {
            guard let sort = SortField(rawValue: text) else {
                throw APIError.validation("sort must be one of \(SortField.allCases.map(\.rawValue).joined(separator: ", "))", field: "sort")
            }
            self.sort = sort
        }
        if let text = query.get("order") {
            guard text == "asc" || text == "desc" else { throw APIError.validation("order must be asc or desc", field: "order") }
            ascending = text == "asc"
        }
    }

    /// A stable text form, the cache key of a page.
    func cacheKey(_ pagination: Pagination) -> String {
        [
            sport ?? "", from.map { String(Int64($0.timeIntervalSince1970)) } ?? "", to.map { String(Int64($0.timeIntervalSince1970)) } ?? "",
            tier?.rawValue ?? "", betType?.rawValue ?? "", status?.rawValue ?? "", sort.rawValue, ascending ? "asc" : "desc",
            String(pagination.page), String(pagination.limit),
        ].joined(separator: "|")
    }
}
