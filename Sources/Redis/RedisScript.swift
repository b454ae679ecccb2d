import Essentials

/// A Lua script run with EVALSHA; its SHA-1 is computed once, locally.
public struct RedisScript: Sendable {
    /// A short name used in errors.
    public let name: String
    public let source: String
    /// Lowercase hex SHA-1 of `source`, as Redis names scripts.
    public let sha1: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
        sha1 = Digest.sha1.hex(source)
    }
}
