import Store

/// A sort field of a list sorted in memory (queues and jobs, read from Redis rather than SQL).
protocol InMemorySortField: SortField {
    associatedtype Element
    /// Whether `a` comes before `b` in ascending order; ties must be broken, so the order is total.
    func ascends(_ a: Element, _ b: Element) -> Bool
}

extension ListOrder where Field: InMemorySortField {
    /// Sorts `elements` by the field, in the direction asked.
    func sort(_ elements: inout [Field.Element]) {
        elements.sort { ascending ? field.ascends($0, $1) : field.ascends($1, $0) }
    }
}
