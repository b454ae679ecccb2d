/// Why a cron expression was refused.
public struct CronParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public var expression: String
    /// What is wrong with it, in words (names the field when one field is at fault).
    public var reason: String

    /// An error for `expression`, explained by `reason`.
    public init(expression: String, reason: String) {
        self.expression = expression
        self.reason = reason
    }

    /// `invalid cron expression '…': reason`.
    public var description: String { "invalid cron expression '\(expression)': \(reason)" }
}
