import COpenSSL

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
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let bytes = Array(source.utf8)
        EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha1(), nil)
        sha1 = Digest.hex(digest.prefix(Int(length)))
    }
}
