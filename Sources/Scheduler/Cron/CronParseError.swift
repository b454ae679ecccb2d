/// Why a cron expression was refused.
public struct CronParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public var expression: String
    /// What is wrong with it, in words (names the field when one field is at fault).
    public var reason: String

    /// `invalid cron expression '…': reason`.
    public var description: String { "invalid cron expression '\(expression)': \(reason)" }
}
