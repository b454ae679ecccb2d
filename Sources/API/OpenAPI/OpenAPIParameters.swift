import OpenAPIKit
import Store

/// Query parameters several areas of the OpenAPI document share.
enum OpenAPIParameters {
    typealias S = OpenAPISchema

    /// `page` and `limit` of every list.
    static let pagination: [OpenAPI.Parameter] = [
        .query(name: "page", schema: S.integer(minimum: 1, maximum: 1_000_000), description: "Page number, from 1."),
        .query(name: "limit", schema: S.integer(minimum: 1, maximum: 100), description: "Items per page, default 20, at most 100."),
    ]

    /// One game day or a range of them, for games and predictions.
    static let gameDays: [OpenAPI.Parameter] = [
        .query(name: "date", schema: S.date, description: "The game's day (UTC); not with date_from/date_to."),
        .query(name: "date_from", schema: S.date, description: "First game day (UTC), not after date_to."),
        .query(name: "date_to", schema: S.date, description: "Last game day (UTC), inclusive."),
    ]

    /// `sort` (the resource's sortable fields, from the same enumeration the server checks) and `order`, for every list.
    static func sort<Field: SortField>(_ field: Field.Type, default fallback: Field, ascending: Bool = false) -> [OpenAPI.Parameter] {
        [
            .query(
                name: "sort", schema: S.string(enumeration: Field.allCases.map(\.rawValue)),
                description: "The field to sort by (default \(fallback.rawValue)); any other is a 400 listing these."),
            .query(
                name: "order", schema: S.string(enumeration: ["asc", "desc"]),
                description: "The direction (default \(ascending ? "asc" : "desc"))."),
        ]
    }
}
