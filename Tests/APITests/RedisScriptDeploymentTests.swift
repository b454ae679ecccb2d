import Foundation
import HTTPTypes
import Redis
import Store
import TestSupport
import Testing

@testable import API

/// Every Redis script and command of the API — sessions, refresh rotation, the per-user limit, the login throttle, the
/// read caches and engagement — on the single server and on the 3+3 cluster `scripts/test` starts, as compose and
/// Kubernetes run the API. On the cluster a script whose keys left its hash-tagged slot would fail with CROSSSLOT (or a
/// non-local key) rather than pass by luck.
struct RedisScriptDeploymentTests {
    /// Fails the test unless `redis` really is the deployment it was given (a cluster answers CLUSTER INFO).
    static func expectDeployment(_ redis: RedisClient, _ deployment: RedisDeployment) async throws {
        switch deployment {
        case .cluster: #expect(try await redis.send("CLUSTER", "INFO").string?.contains("cluster_state:ok") == true)
        case .server: #expect(try await redis.send("PING").string == "PONG")
        }
    }

    /// The premise of this suite: on the test cluster a script that reaches a key outside its declared key's slot fails,
    /// so the tests below would catch a script that does.
    @Test(arguments: RedisDeployment.allCases) func aScriptReachingOutsideItsSlotFailsOnlyOnTheCluster(_ deployment: RedisDeployment) async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: deployment.url))
        defer { redis.close() }
        try await Self.expectDeployment(redis, deployment)
        let name = TestServers.uniqueName().lowercased()
        let stray = RedisScript(name: "stray-key", source: "redis.call('SET', KEYS[1], 1); return redis.call('SET', ARGV[1], 1)")
        // {a} and {b} hash to different slots (15495 and 3300), on different masters of a 3-master cluster.
        let run = { try await redis.run(stray, keys: ["\(name):{a}"], arguments: ["\(name):{b}"]) }
        switch deployment {
        case .server: _ = try await run()
        case .cluster: await #expect(throws: RedisError.self) { _ = try await run() }
        }
    }

    @Test(arguments: RedisDeployment.allCases) func sessionIsOpenedAdmittedRefreshedAndRevoked(_ deployment: RedisDeployment) async throws {
        let harness = try await APITestHarness.make(redis: deployment)
        let user = try await harness.user()
        let administration = UserAdministration(database: harness.store, redis: harness.redis, namespace: harness.namespace)
        try await Self.expectDeployment(harness.redis, deployment)
        try await harness.run { client in
            // Opened (session-open) and admitted (admit).
            let (access, refresh) = try await client.login(user)
            #expect(try await client.get("/api/v1/predictions", token: access).status == .ok)

            // Refreshed (session-rotate): the new pair works, and so does the old access token of the same session.
            let rotated = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(rotated.status == .ok, "\(rotated.text)")
            let newAccess = try #require(rotated.data?["access_token"]?.string)
            let newRefresh = try #require(rotated.data?["refresh_token"]?.string)
            #expect(try await client.get("/api/v1/predictions", token: newAccess).status == .ok)
            #expect(try await client.get("/api/v1/predictions", token: access).status == .ok)

            // The spent token again ends the session (session-rotate's reuse branch).
            let reuse = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(reuse.errorCode == "REFRESH_TOKEN_REUSED")
            let ended = try await client.get("/api/v1/predictions", token: newAccess)
            #expect(ended.status == .unauthorized)
            #expect(ended.json["error"]?["details"]?["reason"]?.string == "session_ended")
            #expect(try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(newRefresh)"}"#).errorCode == "INVALID_REFRESH_TOKEN")

            // Revoked one at a time (logout) and all at once (an admin disables the account: session-end-all).
            let (first, _) = try await client.login(user)
            let (second, secondRefresh) = try await client.login(user)
            #expect(try await client.post("/api/v1/auth/logout", token: first, json: "{}").status == .ok)
            #expect(try await client.get("/api/v1/predictions", token: first).status == .unauthorized)
            #expect(try await client.get("/api/v1/predictions", token: second).status == .ok)
            let userID = try #require(UUID(uuidString: user.id))
            let disabled = try await administration.change(id: userID, isActive: false)
            guard case .changed = disabled else {
                Issue.record("the account was not disabled: \(disabled)")
                return
            }
            #expect(try await client.get("/api/v1/predictions", token: second).status == .unauthorized)
            #expect(try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(secondRefresh)"}"#).status == .unauthorized)
        }
    }

    @Test(arguments: RedisDeployment.allCases) func twoFactorCodeAndTokenAreSpentOnce(_ deployment: RedisDeployment) async throws {
        let harness = try await APITestHarness.make(redis: deployment)
        let user = try await harness.user(totp: true)
        let secret = try #require(user.totpSecret)
        let totp = try #require(TOTP(base32Secret: secret))
        try await harness.run { client in
            let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            let partial = try #require(login.data?["two_factor_token"]?.string)
            let code = totp.code(step: totp.step(at: Date()))
            let verified = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"\#(code)"}"#)
            #expect(verified.status == .ok, "\(verified.text)")
            let access = try #require(verified.data?["access_token"]?.string)
            #expect(try await client.get("/api/v1/predictions", token: access).status == .ok)
            let replay = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"\#(code)"}"#)
            #expect(replay.status == .unauthorized)
        }
    }

    @Test(arguments: RedisDeployment.allCases) func loginThrottleCountsFailuresLocksAndLimitsTheAddress(_ deployment: RedisDeployment) async throws {
        let harness = try await APITestHarness.make(redis: deployment) {
            $0.auth.maxFailedLogins = 3
            $0.auth.loginAttemptsPerAddress = RateLimit(requests: 8, per: .seconds(60))
        }
        let user = try await harness.user()
        let administration = UserAdministration(database: harness.store, redis: harness.redis, namespace: harness.namespace)
        try await harness.run { client in
            func attempt(_ email: String, _ password: String) async throws -> APIClient.Reply {
                try await client.post("/api/v1/auth/login", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
            }
            var outcomes: [String] = []
            func note(_ reply: APIClient.Reply) { outcomes.append(reply.errorCode ?? String(reply.status.code)) }
            note(try await attempt(user.email, "guess"))
            // A good login forgets the failure: two more do not lock yet, the third does, even for the right password.
            note(try await attempt(user.email, user.password))
            for _ in 0..<3 { note(try await attempt(user.email, "guess")) }
            let locked = try await attempt(user.email, user.password)
            note(locked)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 800)
            // An admin's unlock forgets the failures at once.
            let userID = try #require(UUID(uuidString: user.id))
            #expect(try await administration.unlock(id: userID) != nil)
            note(try await attempt(user.email, user.password))
            // The address has had 7 of its 8 attempts.
            note(try await attempt("nobody@example.com", "x"))
            let limited = try await attempt("nobody@example.com", "x")
            note(limited)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(
                outcomes == [
                    "INVALID_CREDENTIALS", "200", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED", "ACCOUNT_LOCKED", "200",
                    "INVALID_CREDENTIALS", "RATE_LIMITED",
                ])
        }
    }

    @Test(arguments: RedisDeployment.allCases) func perUserRateLimitAllowsThenRefuses(_ deployment: RedisDeployment) async throws {
        let harness = try await APITestHarness.make(redis: deployment) { $0.userRateLimit = RateLimit(requests: 4, per: .seconds(30)) }
        let user = try await harness.user()
        try await harness.run { client in
            let (access, _) = try await client.login(user)
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(Int(try await client.get("/api/v1/games", token: access).status.code)) }
            #expect(statuses == [200, 200, 200, 200, 429, 429])
            let limited = try await client.get("/api/v1/games", token: access)
            #expect(limited.errorCode == "RATE_LIMITED")
            #expect((1...30).contains(Int(limited.headers[.retryAfter] ?? "") ?? 0))
        }
    }

    @Test(arguments: RedisDeployment.allCases) func fixedWindowLimiterAllowsThenRefusesUntilTheWindowEnds(_ deployment: RedisDeployment) async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: deployment.url))
        defer { redis.close() }
        try await Self.expectDeployment(redis, deployment)
        let limiter = RateLimiter(redis: redis)
        let key = "limiter-" + TestServers.uniqueName().lowercased()
        // A window of a minute: the five calls must land in one window even on a loaded machine (at 800 ms, and once at
        // 3 s while the whole suite ran on two cores, the window ended between them).
        let limit = RateLimit(requests: 3, per: .seconds(60))
        var waits: [Duration?] = []
        for _ in 0..<5 { waits.append(try await limiter.consume(key, limit: limit)) }
        #expect(waits.prefix(3).allSatisfy { $0 == nil })
        #expect(waits.suffix(2).allSatisfy { ($0 ?? .zero) > .zero && ($0 ?? .zero) <= .seconds(60) })
        // The window ends: a one-request window of a second, waited out from its one call, admits the next (a counter
        // that never expired would refuse it).
        let short = RateLimit(requests: 1, per: .seconds(1))
        let shortKey = key + "-short"
        #expect(try await limiter.consume(shortKey, limit: short) == nil)
        try await Task.sleep(for: .milliseconds(1_100))
        #expect(try await limiter.consume(shortKey, limit: short) == nil)
    }

    @Test(arguments: RedisDeployment.allCases) func readCacheHitsUntilItsScopeIsInvalidated(_ deployment: RedisDeployment) async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: deployment.url))
        defer { redis.close() }
        try await Self.expectDeployment(redis, deployment)
        let cache = ReadCache.odds(redis: redis, namespace: "cache-" + TestServers.uniqueName().lowercased())
        func read(_ body: String) async throws -> (String, Bool) {
            let (bytes, hit) = try await cache.body("odds?game_id=7", scopes: ReadCache.Scope.ofGame(7) + [.sport("nba")]) { _ in Array(body.utf8) }
            return (String(decoding: bytes, as: UTF8.self), hit)
        }
        #expect(try await read("first") == ("first", false))
        #expect(try await read("second") == ("first", true))
        try await cache.invalidate([.game(8), .sport("mlb")])
        #expect(try await read("second") == ("first", true))
        try await cache.invalidate([.game(7)])
        #expect(try await read("third") == ("third", false))
        try await cache.invalidate([.everyGame])
        #expect(try await read("fourth") == ("fourth", false))
        #expect(try await read("fifth") == ("fourth", true))
    }

    @Test(arguments: RedisDeployment.allCases) func engagementIsFlushedAndCountedOverAMonth(_ deployment: RedisDeployment) async throws {
        let redis = RedisClient(configuration: try RedisConfiguration(url: deployment.url))
        defer { redis.close() }
        try await Self.expectDeployment(redis, deployment)
        let namespace = "engagement-" + TestServers.uniqueName().lowercased()
        let yesterday = EngagementRecorderTests.noonEastern.addingTimeInterval(-86_400)
        let earlier = EngagementRecorder(redis: redis, namespace: namespace, now: { yesterday })
        for user in ["a", "b"] { earlier.recordActive(userID: user) }
        try await earlier.flush()
        let recorder = EngagementRecorder(redis: redis, namespace: namespace, now: { EngagementRecorderTests.noonEastern })
        for user in ["b", "c", "d"] { recorder.recordActive(userID: user) }
        for _ in 0..<4 { recorder.recordPredictionView() }
        let report = try await recorder.report(days: 2)
        #expect(report.days.map(\.activeUsers) == [2, 3])
        #expect(report.days.map(\.predictionsViewed) == [0, 4])
        #expect(report.monthlyActiveUsers == 4)
    }
}
