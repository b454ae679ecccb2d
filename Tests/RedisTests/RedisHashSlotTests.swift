import Testing

@testable import Redis

/// CRC16 and the hash slots of keys and commands, as the Redis Cluster specification computes them.
@Suite struct RedisHashSlotTests {
    @Test func crc16IsTheXmodemVariant() {
        // The specification's own check value, and the empty input.
        #expect(CRC16.xmodem(Array("123456789".utf8)) == 0x31C3)
        #expect(CRC16.xmodem([UInt8]()) == 0)
        #expect(CRC16.xmodem(Array("a".utf8)) == 0x7C87)
    }

    @Test func slotsMatchWhatRedisAnswers() {
        // Values from `CLUSTER KEYSLOT` on Redis 7.
        #expect(RedisHashSlot.of(key: "foo") == 12182)
        #expect(RedisHashSlot.of(key: "bar") == 5061)
        #expect(RedisHashSlot.of(key: "123456789") == 12739)
        #expect(RedisHashSlot.of(key: "") == 0)
    }

    @Test func aHashTagPicksTheSlot() {
        #expect(RedisHashSlot.of(key: "{user1000}.following") == RedisHashSlot.of(key: "user1000"))
        #expect(RedisHashSlot.of(key: "aips:{emails}:queued") == RedisHashSlot.of(key: "aips:{emails}:job:42"))
        // Only the first `{…}` counts; an empty tag means the whole key is hashed.
        #expect(RedisHashSlot.of(key: "foo{bar}{zap}") == RedisHashSlot.of(key: "bar"))
        #expect(RedisHashSlot.of(key: "foo{}{bar}") == RedisHashSlot.of(key: "foo{}{bar}"))
        #expect(RedisHashSlot.of(key: "foo{}{bar}") != RedisHashSlot.of(key: "bar"))
        #expect(RedisHashSlot.of(key: "foo{{bar}}zap") == RedisHashSlot.of(key: "{bar"))
        #expect(RedisHashSlot.of(key: "foo{bar") == RedisHashSlot.of(key: "foo{bar"))
    }

    @Test func aCommandGoesToTheSlotOfItsFirstKey() {
        #expect(RedisHashSlot.of(command: ["GET", "foo"]) == 12182)
        #expect(RedisHashSlot.of(command: ["blpop", "foo", "1"]) == 12182)
        // Scripts name their keys after numkeys; with none they may run anywhere.
        #expect(RedisHashSlot.of(command: ["EVALSHA", "abc", "2", "{q}:a", "{q}:b", "arg"]) == RedisHashSlot.of(key: "q"))
        #expect(RedisHashSlot.of(command: ["EVAL", "return 1", "0", "arg"]) == nil)
        #expect(RedisHashSlot.of(command: ["XREAD", "COUNT", "2", "STREAMS", "foo", "0"]) == 12182)
        #expect(RedisHashSlot.of(command: ["OBJECT", "ENCODING", "foo"]) == 12182)
        for keyless in [["PING"], ["INFO", "server"], ["CLUSTER", "SLOTS"], ["SCRIPT", "FLUSH"], ["ASKING"]] {
            #expect(RedisHashSlot.of(command: keyless) == nil, "\(keyless)")
        }
    }
}
