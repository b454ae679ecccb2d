/// Why a schedule configuration was refused, pointing at the line that caused it.
public struct ScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the bad setting came from: a file path or an environment variable's name.
    public var source: String
    /// The line (from 1) in a file, when known.
    public var line: Int?
    /// The column (from 1) in a file, when known.
    public var column: Int?
    /// What is wrong, in words.
    public var reason: String

    /// An error at `line`:`column` of `source`.
    public init(source: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `path:line:column: reason`, as compilers print it.
    public var description: String {
        var location = source
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(reason)"
    }
}
