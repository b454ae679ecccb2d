/// An error from the store: what failed, the server's SQLSTATE and message, and the statement.
///
/// The statement is the SQL text only; values are always sent as parameters, so an error never
/// carries user data or a password.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case connectionFailed, connectionClosed, server, invalidInput, decoding, copyFailed
            case migrationChanged, migrationUnknown, migrationMissing, poolClosed, embeddedServer
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The connection could not be opened (bad URL, server unreachable, authentication).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection was closed or broke while in use.
        public static let connectionClosed = Code(.connectionClosed)
        /// The server rejected a statement; `sqlState` says why.
        public static let server = Code(.server)
        /// A value cannot be sent to PostgreSQL (for example a NUL byte in text).
        public static let invalidInput = Code(.invalidInput)
        /// A column could not be decoded into the requested Swift type.
        public static let decoding = Code(.decoding)
        /// A `COPY FROM STDIN` bulk load failed on the client side.
        public static let copyFailed = Code(.copyFailed)
        /// An applied migration's checksum differs from the migration in this build.
        public static let migrationChanged = Code(.migrationChanged)
        /// The database has applied a migration this build does not know.
        public static let migrationUnknown = Code(.migrationUnknown)
        /// A migration in this build is older than one already applied but was never applied itself.
        public static let migrationMissing = Code(.migrationMissing)
        /// The connection pool has been shut down.
        public static let poolClosed = Code(.poolClosed)
        /// The embedded PostgreSQL server could not be prepared, started or stopped.
        public static let embeddedServer = Code(.embeddedServer)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The five-character SQLSTATE the server sent (`23505` for a unique violation), when it sent one.
    public var sqlState: String?
    /// The primary message (from the server, libpq or the store).
    public var message: String
    /// The server's detail field, when present.
    public var detail: String?
    /// The server's hint field, when present.
    public var hint: String?
    /// The SQL text that failed, without values.
    public var statement: String?

    /// Creates an error.
    public init(
        _ code: Code, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
        statement: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.statement = statement
    }

    public var description: String {
        var text = "StoreError.\(code)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += " (detail: \(detail))" }
        if let hint { text += " (hint: \(hint))" }
        if let statement { text += " in statement: \(statement.prefix(500))" }
        return text
    }
}

extension StoreError {
    /// SQLSTATE `23505`: a unique constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }
}
