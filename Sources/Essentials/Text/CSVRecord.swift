/// One record of a comma-separated file: its fields, unquoted, and the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line the record starts on (a quoted field may span lines).
    public var line: Int
    /// The fields, quotes removed and doubled quotes undoubled; never trimmed.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
