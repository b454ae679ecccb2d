/// The Redis Cluster hash slot of a key or of a command, as the cluster computes it.
public enum RedisHashSlot {
    /// Slots in a cluster: 0 ..< 16384.
    public static let count = 16384

    /// The slot of `key`: CRC16 of the key, or of its `{hash tag}` when the key has a non-empty one, mod 16384.
    public static func of(key: some StringProtocol) -> Int {
        let bytes = Array(key.utf8)
        var hashed = bytes[...]
        // Only the first `{` counts, and only when a `}` follows it with something in between.
        if let open = bytes.firstIndex(of: UInt8(ascii: "{")),
            let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}")), close > open + 1
        {
            hashed = bytes[(open + 1)..<close]
        }
        return Int(CRC16.xmodem(hashed)) % count
    }

    /// The slot a command must be sent to, from its first key; nil for a command with no key (any node serves it).
    public static func of(command arguments: [String]) -> Int? {
        firstKey(of: arguments).map { of(key: $0) }
    }

    /// The first key of a command, where the command table puts it.
    ///
    /// Scripts name their keys after `numkeys`; a handful of commands have their key later or none at all; for
    /// every other data command the key is the first argument.
    static func firstKey(of arguments: [String]) -> String? {
        guard let name = arguments.first?.uppercased() else { return nil }
        switch name {
        case "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO":
            guard arguments.count > 3, let count = Int(arguments[2]), count > 0 else { return nil }
            return arguments[3]
        case "XREAD", "XREADGROUP":
            guard let streams = arguments.firstIndex(where: { $0.uppercased() == "STREAMS" }), streams + 1 < arguments.count else {
                return nil
            }
            return arguments[streams + 1]
        case "OBJECT", "MEMORY", "XINFO":
            return arguments.count > 2 ? arguments[2] : nil
        case "PING", "ECHO", "INFO", "TIME", "DBSIZE", "FLUSHALL", "FLUSHDB", "SCRIPT", "FUNCTION", "CLUSTER", "CLIENT",
            "CONFIG", "COMMAND", "AUTH", "SELECT", "ASKING", "READONLY", "READWRITE", "ROLE", "WAIT", "SENTINEL", "HELLO",
            "MULTI", "EXEC", "DISCARD", "RANDOMKEY", "KEYS", "SCAN", "SAVE", "BGSAVE", "BGREWRITEAOF", "LASTSAVE", "DEBUG",
            "SLOWLOG", "LATENCY", "MONITOR", "PUBLISH", "SUBSCRIBE", "PSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SHUTDOWN",
            "REPLICAOF", "SLAVEOF", "FAILOVER", "SWAPDB", "QUIT", "RESET", "LOLWUT", "MODULE", "ACL", "PUBSUB":
            return nil
        default:
            return arguments.count > 1 ? arguments[1] : nil
        }
    }
}
