import Essentials
import Hummingbird
import Store

extension ListOrder {
    /// `sort` (one of the resource's sortable fields) and `order` (`asc` or `desc`) from the query string; either
    /// absent keeps `fallback`'s. Anything else is a 400 that lists what is allowed.
    init(_ query: Parameters, default fallback: ListOrder) throws {
        self = fallback
        if let text = query.get("sort") {
            guard let field = Field(rawValue: text) else {
                throw Self.invalid("sort", allowed: Field.allCases.map(\.rawValue))
            }
            self.field = field
        }
        if let text = query.get("order") {
            guard text == "asc" || text == "desc" else { throw Self.invalid("order", allowed: ["asc", "desc"]) }
            ascending = text == "asc"
        }
    }

    /// Whether the query names a `sort` or an `order` at all.
    static func isRequested(in query: Parameters) -> Bool {
        query.get("sort") != nil || query.get("order") != nil
    }

    private static func invalid(_ name: String, allowed: [String]) -> APIError {
        APIError(
            .badRequest, code: "VALIDATION_FAILED", "\(name) must be one of \(allowed.joined(separator: ", "))",
            details: ["field": .string(name), "allowed": .array(allowed.map { .string($0) })])
    }
}
