import Hummingbird

/// `page` (from 1) and `limit` (default 20, at most 100) from the query string.
struct Pagination: Sendable {
    var page: Int
    var limit: Int

    /// The rows skipped before this page.
    var offset: Int { (page - 1) * limit }

    static let defaultLimit = 20
    static let maximumLimit = 100

    /// Reads and checks `page` and `limit`; out-of-range or non-numeric values are a 400, never clamped.
    init(_ query: Parameters) throws {
        page = try Self.integer(query, "page", default: 1, range: 1...1_000_000)
        limit = try Self.integer(query, "limit", default: Self.defaultLimit, range: 1...Self.maximumLimit)
    }

    private static func integer(_ query: Parameters, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = query.get(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.validation("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return number
    }

    /// This page of `rows`, all of them already read and in order.
    func cut<Row>(_ rows: [Row]) -> [Row] {
        Array(rows.dropFirst(offset).prefix(limit))
    }

    func meta(total: Int) -> PageMeta {
        PageMeta(total: total, page: page, limit: limit)
    }
}
