import Redis

/// Lua scripts for sessions and refresh-token rotation. KEYS[1] is always the user's key
/// prefix `NAMESPACE:auth:{USER}:` (hash-tagged: one Cluster slot per user). Under it live
/// `session:SID` (a hash with its opening time; deleting it ends every token of the session),
/// `refresh:SHA256` (a hash: `sid`, `state` = active | used) and `sessions` (the set of the user's session ids,
/// kept as long as the newest session can live, so every session can be ended at once).
enum SessionScripts {
    /// ARGV sid, now ms, first refresh hash, lifetime ms.
    static let open = RedisScript(name: "session-open", source: """
        local prefix = KEYS[1]
        local session = prefix .. 'session:' .. ARGV[1]
        redis.call('HSET', session, 'opened_at', ARGV[2])
        redis.call('PEXPIRE', session, ARGV[4])
        local refresh = prefix .. 'refresh:' .. ARGV[3]
        redis.call('HSET', refresh, 'sid', ARGV[1], 'state', 'active')
        redis.call('PEXPIRE', refresh, ARGV[4])
        redis.call('SADD', prefix .. 'sessions', ARGV[1])
        redis.call('PEXPIRE', prefix .. 'sessions', ARGV[4])
        return 1
        """)

    /// ARGV old refresh hash, new refresh hash, lifetime ms. Returns {outcome, sid}:
    /// `rotated` (the old token is spent, the new one active), `reused` (a spent token came
    /// back: the whole session is ended), `ended` (the session is gone), `invalid`.
    static let rotate = RedisScript(name: "session-rotate", source: """
        local prefix = KEYS[1]
        local old = prefix .. 'refresh:' .. ARGV[1]
        local sid = redis.call('HGET', old, 'sid')
        if not sid then return {'invalid'} end
        local session = prefix .. 'session:' .. sid
        if redis.call('EXISTS', session) == 0 then return {'ended', sid} end
        if redis.call('HGET', old, 'state') ~= 'active' then
          redis.call('DEL', session)
          return {'reused', sid}
        end
        -- A spent token is kept as long as the session can live, so its reuse is always seen.
        redis.call('HSET', old, 'state', 'used')
        redis.call('PEXPIRE', old, ARGV[3])
        local new = prefix .. 'refresh:' .. ARGV[2]
        redis.call('HSET', new, 'sid', sid, 'state', 'active')
        redis.call('PEXPIRE', new, ARGV[3])
        redis.call('PEXPIRE', session, ARGV[3])
        redis.call('PEXPIRE', prefix .. 'sessions', ARGV[3])
        return {'rotated', sid}
        """)

    /// No ARGV. Ends every session of the user; returns how many were alive.
    static let endAll = RedisScript(name: "session-end-all", source: """
        local prefix = KEYS[1]
        local ended = 0
        for _, sid in ipairs(redis.call('SMEMBERS', prefix .. 'sessions')) do
          ended = ended + redis.call('DEL', prefix .. 'session:' .. sid)
        end
        redis.call('DEL', prefix .. 'sessions')
        return ended
        """)
}
