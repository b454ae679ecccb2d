/// A failure talking to Redis, saying what failed and why.
public struct RedisError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// The URL could not be parsed.
        case invalidURL
        /// The connection could not be made (refused, unreachable, bad host).
        case connectionFailed
        /// The connection dropped while the command was in flight; its outcome is unknown.
        case connectionLost
        /// No reply came within the command timeout.
        case timeout
        /// The server answered with an error reply (`ERR …`, `WRONGTYPE …`, `NOSCRIPT …`).
        case server
        /// AUTH or SELECT was refused.
        case authentication
        /// The client was closed.
        case closed
        /// The configuration asks for something this build cannot do.
        case unsupported
    }

    /// What kind of failure this is.
    public var code: Code
    /// The command that failed (its name, never its arguments, which may hold secrets or payloads).
    public var command: String?
    /// The server's reply or the client's explanation.
    public var message: String

    public init(_ code: Code, command: String? = nil, message: String) {
        self.code = code
        self.command = command
        self.message = message
    }

    /// For server errors, the error prefix Redis uses (`NOSCRIPT`, `WRONGTYPE`, `ERR`).
    public var serverPrefix: Substring? {
        guard code == .server else { return nil }
        return message.split(separator: " ", maxSplits: 1).first
    }

    public var description: String {
        if let command { return "redis \(code.rawValue) (\(command)): \(message)" }
        return "redis \(code.rawValue): \(message)"
    }
}
