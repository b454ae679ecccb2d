/// A replay file that cannot be read: which line (1-based, the header is line 1) and what is wrong with it.
public struct ReplayFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the file, 1-based; 0 when the file as a whole is wrong.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// An error at `line`.
    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        line == 0 ? "replay file: \(message)" : "replay file, line \(line): \(message)"
    }
}
