import OpenAPIKit

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
}
