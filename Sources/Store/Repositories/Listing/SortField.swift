/// A field a list can be sorted by; its name in the API (`created_at`) is the raw value.
public protocol SortField: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

/// A sort field of a list read from SQL: the expression it orders by is fixed by the program, so no client text
/// ever reaches an `ORDER BY`.
public protocol SQLSortField: SortField {
    /// The SQL expression the field orders by (`p.created_at`).
    var column: String { get }
}
