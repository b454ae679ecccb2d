import Foundation
import Logging
import Redis
import ServiceLifecycle
import TestSupport
import Testing

@testable import API

/// `EngagementRecorder` on the real Redis.
struct EngagementRecorderTests {
    static let noonEastern = Date(timeIntervalSince1970: 1_772_470_800)  // 2026-03-02T17:00Z

    @Test func thousandsOfUsersAreFlushedInBatches() async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        let namespace = "engagement-" + TestServers.uniqueName().lowercased()
        let recorder = EngagementRecorder(redis: redis, namespace: namespace, now: { Self.noonEastern })
        for user in 0..<2_500 { recorder.recordActive(userID: "user-\(user)") }
        for _ in 0..<7 { recorder.recordPredictionView() }
        try await recorder.flush()
        recorder.recordActive(userID: "user-0")
        let report = try await recorder.report(days: 1)
        #expect(report.today == "2026-03-02")
        let active = try #require(report.days.first?.activeUsers)
        // A HyperLogLog estimate: 0.81 % standard error, so well within 3 %.
        #expect(abs(active - 2_500) < 75, "\(active)")
        #expect(report.monthlyActiveUsers == active)
        #expect(report.days.first?.predictionsViewed == 7)
    }

    @Test func theServiceFlushesOnceMoreAtGracefulShutdown() async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        let namespace = "engagement-" + TestServers.uniqueName().lowercased()
        // An hour between flushes: only the one at shutdown can write the tally.
        let recorder = EngagementRecorder(redis: redis, namespace: namespace, now: { Self.noonEastern }, interval: .seconds(3600))
        recorder.recordActive(userID: "last-minute")
        recorder.recordPredictionView()
        let group = ServiceGroup(services: [recorder], logger: Logger(label: "engagement-test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let reader = EngagementRecorder(redis: redis, namespace: namespace, now: { Self.noonEastern })
        let day = try #require(try await reader.report(days: 1).days.first)
        #expect(day.activeUsers == 1)
        #expect(day.predictionsViewed == 1)
    }
}
