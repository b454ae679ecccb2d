import Foundation
import Redis

/// The last tick handled per schedule, kept in Redis so a new leader carries on where
/// the old one stopped instead of re-firing or forgetting ticks.
public struct TickLedger: Sendable {
    let redis: RedisClient
    let keys: SchedulerKeys

    /// The last handled tick of every schedule that has one.
    public func lastTicks() async throws(RedisError) -> [String: Date] {
        let reply = try await redis.send(["HGETALL", keys.ticks])
        let fields = reply.array ?? []
        var ticks: [String: Date] = [:]
        for index in stride(from: 0, to: fields.count - 1, by: 2) {
            guard let name = fields[index].string, let milliseconds = fields[index + 1].int else { continue }
            ticks[name] = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
        }
        return ticks
    }

    /// Records `tick` as handled for `schedule`, if `token` is still the newest fencing token
    /// and the tick is later than the one recorded; returns `false` when the token is stale.
    public func record(_ tick: Date, for schedule: String, token: UInt64) async throws(RedisError) -> Bool {
        let milliseconds = Int64((tick.timeIntervalSince1970 * 1_000).rounded())
        let reply = try await redis.run(
            Self.recordScript, keys: [keys.fence, keys.ticks], arguments: [String(token), schedule, String(milliseconds)])
        return reply.int != -1
    }

    static let recordScript = RedisScript(
        name: "scheduler-record-tick",
        source: """
            -- KEYS: fence counter, ticks hash. ARGV: token, schedule name, tick in ms.
            -- -1 when the token is not the newest; otherwise moves the tick forward only.
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return -1
            end
            local current = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '-1')
            if tonumber(ARGV[3]) > current then
              redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
              return 1
            end
            return 0
            """
    )
}
