/// A hot statement prepared once per connection, on first use, and executed by name afterwards.
public struct PreparedStatement: Sendable, Hashable {
    /// The server-side statement name; unique per SQL text in the program.
    public let name: String
    /// The SQL with `$1`, `$2`, … placeholders.
    public let sql: String

    /// Declares a prepared statement.
    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
