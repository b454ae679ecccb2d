import Redis

/// The Lua scripts behind rate limits and sessions: each decision is one atomic step on
/// Redis, so every API instance shares the same counters.
enum RateLimitScripts {
    /// Fixed-window counter. KEYS[1] counter; ARGV limit, window ms.
    /// Returns -1 when allowed, else milliseconds until the window resets.
    static let fixedWindow = RedisScript(name: "rate-limit", source: """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        if n > tonumber(ARGV[1]) then
          local ttl = redis.call('PTTL', KEYS[1])
          if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
          return ttl
        end
        return -1
        """)

    /// Admits one authenticated request. KEYS[1] the user's prefix `NAMESPACE:auth:{USER}:`;
    /// ARGV session id, limit, window ms. Returns -2 when the session has ended, -1 when
    /// allowed, else milliseconds until the user's window resets.
    static let admit = RedisScript(name: "admit", source: """
        local prefix = KEYS[1]
        if redis.call('EXISTS', prefix .. 'session:' .. ARGV[1]) == 0 then return -2 end
        local key = prefix .. 'rate'
        local n = redis.call('INCR', key)
        if n == 1 then redis.call('PEXPIRE', key, ARGV[3]) end
        if n > tonumber(ARGV[2]) then
          local ttl = redis.call('PTTL', key)
          if ttl < 0 then redis.call('PEXPIRE', key, ARGV[3]); ttl = tonumber(ARGV[3]) end
          return ttl
        end
        return -1
        """)
}
