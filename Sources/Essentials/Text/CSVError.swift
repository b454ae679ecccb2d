/// Why CSV text could not be read: it is not well-formed, or not the table its reader asked for.
///
/// ``CSVReader`` and ``CSVFieldScanner`` throw ``Code/malformed``; readers that turn the records into a table (the
/// ML training tables) use the other codes.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The text has no header line.
        case empty
        /// The text is not well-formed CSV: a quoted field is never closed.
        case malformed
        /// A line has a different number of fields than the header.
        case raggedRow
        /// The requested target column is not in the header.
        case missingTarget
        /// The target column holds something other than two classes or numbers.
        case invalidTarget
        /// A line does not match the expected column names of a schema.
        case schemaMismatch
        /// A field of a numerical column is not a number.
        case invalidNumber
        /// The file could not be opened or read.
        case unreadable
    }

    /// What went wrong.
    public let code: Code
    /// The 1-based line of the text where it went wrong (0 when not tied to a line).
    public let line: Int
    /// A human-readable explanation.
    public let message: String

    /// An error of `code` at `line` (0 when not tied to a line), explained by `message`.
    public init(code: Code, line: Int, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// A description naming the line.
    public var description: String { line > 0 ? "CSV line \(line): \(message)" : "CSV: \(message)" }
}
