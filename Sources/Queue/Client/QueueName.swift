/// Queue names (their Redis keys: `RedisQueueKeys`).
public enum QueueName {
    /// Refuses names that are not 1–64 bytes of lowercase letters, digits, `-`, `_` or `.`.
    public static func validate(_ name: String) throws {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        guard !name.isEmpty, name.utf8.count <= 64, allowed else {
            throw QueueError(.invalidRequest, "queue name \"\(name.prefix(80))\" must be 1–64 characters of a-z, 0-9, '-', '_', '.'")
        }
    }

}
