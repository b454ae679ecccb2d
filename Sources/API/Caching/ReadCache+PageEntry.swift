import Foundation
import Store

extension ReadCache {
    /// The entry name of one page of a list: its `filters` (an absent one empty), then its sort field and direction,
    /// page and limit, joined by `|`.
    static func pageEntry(_ filters: [String], order: ListOrder<some SortField>, pagination: Pagination) -> String {
        (filters + [order.field.rawValue, order.ascending ? "asc" : "desc", String(pagination.page), String(pagination.limit)])
            .joined(separator: "|")
    }

    /// A day boundary as a page entry's filter: whole seconds since 1970, empty when absent.
    static func entryFilter(_ date: Date?) -> String {
        date.map { String(Int64($0.timeIntervalSince1970)) } ?? ""
    }
}
