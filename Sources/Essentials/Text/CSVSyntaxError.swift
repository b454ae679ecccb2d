/// Comma-separated text that cannot be split into records.
public struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the faulty record starts.
    public var line: Int
    /// What is wrong.
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "CSV line \(line): \(message)" }
}
