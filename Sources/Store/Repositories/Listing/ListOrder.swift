/// The order of one page of a list: a field the resource allows, and the direction.
public struct ListOrder<Field: SortField>: Sendable, Hashable {
    /// The field sorted by.
    public var field: Field
    /// Ascending when true, descending when false.
    public var ascending: Bool

    /// An order by `field`, descending unless `ascending`.
    public init(_ field: Field, ascending: Bool = false) {
        self.field = field
        self.ascending = ascending
    }
}

extension ListOrder where Field: SQLSortField {
    /// `ASC` or `DESC`.
    public var direction: String { ascending ? "ASC" : "DESC" }

    /// The `ORDER BY` clause: the field, then `tiebreak` in the same direction so pages never overlap. Nulls come
    /// last either way.
    public func clause(tiebreak: String) -> String {
        "ORDER BY \(field.column) \(direction) NULLS LAST, \(tiebreak) \(direction)"
    }
}
