import Foundation
import Metrics
import Redis
import Synchronization

/// Daily and monthly active users and predictions viewed (seed 5.2), on US Eastern days, shared by every API
/// instance through Redis.
///
/// A request only adds to an in-memory tally under a lock; `flush()` (every few seconds, from `run()`) moves the
/// tallies to Redis in one script per day: a HyperLogLog of user ids per day (`PFADD`, about 12 KiB a day whatever
/// the users, 0.81 % standard error) and a view counter per day (`INCRBY`). Monthly active users are the union of
/// the last 30 days' logs (`PFCOUNT` of 30 keys). Keys share the hash tag `{engagement}`, so the union is one command
/// on Redis Cluster, and expire after 400 days.
public final class EngagementRecorder: Sendable {
    /// One day's tally not yet in Redis.
    struct Tally: Sendable {
        var users: Set<String> = []
        var views = 0
    }

    /// The days a monthly active user may have been active in.
    static let month = 30
    /// How long a day's keys are kept: a year and a month, so a year-on-year month is always there.
    static let retention: Duration = .seconds(400 * 86_400)
    /// The most user ids one script call adds.
    static let batch = 1000

    let redis: RedisClient
    /// Every key starts with this.
    let prefix: String
    let now: @Sendable () -> Date
    /// How often `run()` flushes.
    let interval: Duration
    private let pending = Mutex<[EasternDay: Tally]>([:])
    private let views: Counter
    private let dailyActive: Gauge
    private let monthlyActive: Gauge
    private let viewedToday: Gauge

    /// KEYS[1] prefix; ARGV day, views, retention seconds, user ids…
    static let add = RedisScript(name: "engagement-add", source: """
        local users = KEYS[1] .. 'users:' .. ARGV[1]
        local views = KEYS[1] .. 'views:' .. ARGV[1]
        if #ARGV > 3 then
          redis.call('PFADD', users, unpack(ARGV, 4))
          redis.call('EXPIRE', users, ARGV[3])
        end
        if tonumber(ARGV[2]) > 0 then
          redis.call('INCRBY', views, ARGV[2])
          redis.call('EXPIRE', views, ARGV[3])
        end
        return 1
        """)

    /// KEYS[1] prefix; ARGV[1] how many of the last days make a month, ARGV[2…] days, oldest first.
    /// Returns active users and views of each day, then the active users of the month ending on the newest day (the
    /// union of its last ARGV[1] days).
    static let read = RedisScript(name: "engagement-read", source: """
        local out = {}
        for i = 2, #ARGV do
          out[#out + 1] = redis.call('PFCOUNT', KEYS[1] .. 'users:' .. ARGV[i])
          out[#out + 1] = tonumber(redis.call('GET', KEYS[1] .. 'views:' .. ARGV[i]) or '0')
        end
        local month = {}
        for i = math.max(2, #ARGV - tonumber(ARGV[1]) + 1), #ARGV do month[#month + 1] = KEYS[1] .. 'users:' .. ARGV[i] end
        out[#out + 1] = redis.call('PFCOUNT', unpack(month))
        return out
        """)

    /// A recorder over `redis` under keys `NAMESPACE:engagement:{engagement}:…`, dating activity with `now`, its
    /// metrics made through `metrics`: `aips_predictions_viewed_total` (this instance's views) and the gauges
    /// `aips_active_users{period="day"|"month"}` and `aips_predictions_viewed{period="day"}` (every instance's, as of
    /// the last flush).
    public init(
        redis: RedisClient, namespace: String = "aips", now: @escaping @Sendable () -> Date = { Date() }, interval: Duration = .seconds(5),
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.redis = redis
        self.prefix = namespace + ":engagement:{engagement}:"
        self.now = now
        self.interval = interval
        views = Counter(label: "aips_predictions_viewed_total", factory: metrics)
        dailyActive = Gauge(label: "aips_active_users", dimensions: [("period", "day")], factory: metrics)
        monthlyActive = Gauge(label: "aips_active_users", dimensions: [("period", "month")], factory: metrics)
        viewedToday = Gauge(label: "aips_predictions_viewed", dimensions: [("period", "day")], factory: metrics)
    }

    /// Notes that `userID` made a request today.
    func recordActive(userID: String) {
        let day = EasternDay(now())
        pending.withLock { _ = $0[day, default: Tally()].users.insert(userID) }
    }

    /// Notes that a prediction (a page or a single one) was viewed today.
    func recordPredictionView() {
        let day = EasternDay(now())
        pending.withLock { $0[day, default: Tally()].views += 1 }
        views.increment()
    }

    /// Moves the tallies to Redis and refreshes the gauges; what could not be written is kept for the next flush.
    public func flush() async throws {
        var days = pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }.sorted { $0.key < $1.key }.map { (day: $0.key, tally: $0.value) }
        var index = 0
        do {
            while index < days.count {
                let users = days[index].tally.users.sorted()
                var offset = 0
                // Lua's unpack takes a few thousand values at most: the users go in batches, the views with the first.
                repeat {
                    let batch = Array(users[offset..<min(offset + Self.batch, users.count)])
                    _ = try await redis.run(
                        Self.add, keys: [prefix],
                        arguments: [days[index].day.text, String(days[index].tally.views), String(Self.retention.components.seconds)] + batch)
                    days[index].tally.views = 0
                    days[index].tally.users.subtract(batch)
                    offset += Self.batch
                } while offset < users.count
                index += 1
            }
        } catch {
            let unwritten = days[index...]
            pending.withLock { pending in
                for (day, tally) in unwritten {
                    pending[day, default: Tally()].users.formUnion(tally.users)
                    pending[day, default: Tally()].views += tally.views
                }
            }
            throw error
        }
        let today = try await counts(days: 1, endingOn: EasternDay(now()))
        dailyActive.record(today.days.last?.activeUsers ?? 0)
        monthlyActive.record(today.monthlyActiveUsers)
        viewedToday.record(today.days.last?.predictionsViewed ?? 0)
    }

    /// The last `days` Eastern days up to today, after flushing this instance's tallies.
    func report(days: Int) async throws -> EngagementReport {
        try await flush()
        return try await counts(days: days, endingOn: EasternDay(now()))
    }

    /// What Redis holds for the `days` days ending on `last`, and the month ending on it.
    private func counts(days: Int, endingOn last: EasternDay) async throws -> EngagementReport {
        let span = max(days, Self.month)
        let all = (0..<span).reversed().map { last.adding(days: -$0) }
        let reply = try await redis.run(Self.read, keys: [prefix], arguments: [String(Self.month)] + all.map(\.text))
        let numbers = (reply.array ?? []).map { $0.int ?? 0 }
        guard numbers.count == all.count * 2 + 1 else {
            throw RedisError(.server, command: "EVALSHA engagement-read", message: "unexpected reply \(reply)")
        }
        let rows = all.indices.map { index in
            EngagementReport.Day(date: all[index].text, activeUsers: numbers[index * 2], predictionsViewed: numbers[index * 2 + 1])
        }
        return EngagementReport(today: last.text, monthlyActiveUsers: numbers[all.count * 2], days: Array(rows.suffix(days)))
    }
}
