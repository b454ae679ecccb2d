import API
import Foundation
import HTTPTypes
import Queue
import Store
import Testing

/// `GET /api/v1/ops/overview` and `GET /ops` over real HTTP, against the real Redis.
struct OpsEndpointTests {
    @Test func overviewNeedsAnAdminToken() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user(role: .user)
        try await harness.run { client in
            let anonymous = try await client.get("/api/v1/ops/overview")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "UNAUTHORIZED")
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            let forged = try await client.get("/api/v1/ops/overview", token: "e30.e30.c2lnbmF0dXJl")
            #expect(forged.status == .unauthorized)
            let token = try await client.login(user).access
            let forbidden = try await client.get("/api/v1/ops/overview", token: token)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.errorCode == "FORBIDDEN")
            #expect(forbidden.data == nil)
        }
    }

    @Test func pageIsPublicSelfContainedAndHoldsNoData() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            let page = try await client.get("/ops")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("connect-src 'self'"))
            #expect(policy.contains("script-src 'sha256-"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.text.contains("<script>") && page.text.contains("/api/v1/ops/overview"))
            // Offline: nothing is loaded from anywhere else.
            #expect(!page.text.contains("http://") && !page.text.contains("https://") && !page.text.contains("src="))
            #expect(try await client.request(.post, "/ops").status == .methodNotAllowed)
        }
    }

    @Test func overviewShowsQueuesWorkersAndFailuresWithTheirErrors() async throws {
        let harness = try await APITestHarness.make(redisDatabase: 13)
        let admin = try await harness.user(role: .admin)
        try await harness.run { client in
            try await OpsScenario.whileRunning(harness) { scenario in
                let token = try await client.login(admin).access
                let reply = try await client.get("/api/v1/ops/overview", token: token)
                #expect(reply.status == .ok, "\(reply.text)")
                #expect(reply.headers[.cacheControl] == "no-store")
                let data = try #require(reply.data)
                #expect(data["generated_at"]?.string != nil)

                let queues = data["queues"]?.array ?? []
                #expect(queues.compactMap { $0["name"]?.string } == [OpsScenario.collectQueue, OpsScenario.trainQueue])
                let collect = try #require(queues.first)
                #expect(collect["paused"]?.bool == false)
                #expect(collect["counts"]?["dead"]?.int == 1)
                #expect(collect["counts"]?["retrying"]?.int == 1)
                #expect(collect["counts"]?["running"]?.int == 1)
                #expect(collect["counts"]?["cancelled"]?.int == 0, "every state is listed, zeros too")
                #expect(collect["concurrency_limit"]?.int == 4)
                #expect(collect["rate_limit"]?.int == 10)
                #expect(collect["rate_limit_period_seconds"]?.double == 1)
                let train = try #require(queues.last)
                #expect(train["paused"]?.bool == true)
                #expect(train["counts"]?["waiting"]?.int == 1)
                #expect(train["counts"]?["scheduled"]?.int == 1)
                #expect(train["concurrency_limit"] == nil)

                let worker = try #require(data["workers"]?.array?.first { $0["id"]?.string == OpsScenario.workerID })
                #expect(worker["queues"]?.array?.compactMap(\.string) == [OpsScenario.collectQueue])
                #expect(worker["concurrency"]?.int == 4)
                #expect((worker["heartbeat_age_seconds"]?.double ?? -1) >= 0)
                #expect(worker["running_jobs"]?.array?.compactMap { $0["id"]?.string } == [scenario.runningJobID])
                #expect(worker["running_jobs"]?[0]?["type"]?.string == "diag.sleep")

                let dead = try #require(data["dead"]?.array?.first)
                #expect(dead["id"]?.string == scenario.deadJobID)
                #expect(dead["type"]?.string == "diag.fail")
                #expect(dead["state"]?.string == "dead")
                #expect(dead["error_message"]?.string == OpsScenario.deadMessage)
                #expect(dead["error_kind"]?.string?.isEmpty == false)
                #expect(dead["failed_at"]?.string != nil)
                let failing = try #require(data["failing"]?.array?.first)
                #expect(failing["id"]?.string == scenario.retryingJobID)
                #expect(failing["state"]?.string == "retrying")
                #expect(failing["attempt"]?.int == 1)
                #expect(failing["max_attempts"]?.int == 50)
                #expect(failing["error_message"]?.string == OpsScenario.retryingMessage)
                #expect(failing["next_attempt_at"]?.string != nil)
            }
        }
    }
}
