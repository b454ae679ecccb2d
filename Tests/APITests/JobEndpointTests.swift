import API
import Foundation
import HTTPTypes
import Queue
import Store
import Testing

/// `POST/GET /api/v1/jobs` and `GET /api/v1/queues` over real HTTP, against the real Redis.
struct JobEndpointTests {
    @Test func submitReadAndListAJob() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            let created = try await client.post(
                "/api/v1/jobs", token: token,
                json: #"{"type":"diag.sleep","payload":{"milliseconds":5},"queue":"\#(queue)","priority":3,"max_attempts":2,"timeout_seconds":30}"#)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.data?["id"]?.string)
            #expect(created.data?["state"]?.string == "queued")
            #expect(created.data?["priority"]?.int == 3)
            #expect(created.data?["payload"]?["milliseconds"]?.int == 5)
            #expect(created.json["meta"] != nil)

            let shown = try await client.get("/api/v1/jobs/\(id)", token: token)
            #expect(shown.status == .ok)
            #expect(shown.data?["id"]?.string == id)
            #expect(shown.data?["max_attempts"]?.int == 2)
            #expect(shown.data?["errors"]?.array?.isEmpty == true)

            let listed = try await client.get("/api/v1/jobs?queue=\(queue)&state=queued&page=1&limit=10", token: token)
            #expect(listed.status == .ok)
            #expect(listed.json["meta"]?["total"]?.int == 1)
            #expect(listed.json["meta"]?["page"]?.int == 1)
            #expect(listed.json["meta"]?["limit"]?.int == 10)
            #expect(listed.data?[0]?["id"]?.string == id)

            let queues = try await client.get("/api/v1/queues", token: token)
            let mine = queues.data?.array?.first { $0["name"]?.string == queue }
            #expect(mine?["counts"]?["queued"]?.int == 1)
            #expect(mine?["pending"]?.int == 1)
        }
    }

    @Test func listingFiltersByTypeAndDateAndPaginates() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            for index in 0..<5 {
                let type = index < 3 ? "diag.noop" : "diag.sleep"
                let payload = index < 3 ? "{}" : #"{"milliseconds":1}"#
                let reply = try await client.post("/api/v1/jobs", token: token, json: #"{"type":"\#(type)","payload":\#(payload),"queue":"\#(queue)"}"#)
                #expect(reply.status == .created)
            }
            let page1 = try await client.get("/api/v1/jobs?queue=\(queue)&type=diag.noop&limit=2", token: token)
            #expect(page1.json["meta"]?["total"]?.int == 3)
            #expect(page1.data?.array?.count == 2)
            let page2 = try await client.get("/api/v1/jobs?queue=\(queue)&type=diag.noop&limit=2&page=2", token: token)
            #expect(page2.data?.array?.count == 1)
            #expect(page2.data?[0]?["type"]?.string == "diag.noop")
            let today = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
            let recent = try await client.get("/api/v1/jobs?queue=\(queue)&created_from=\(today)", token: token)
            #expect(recent.json["meta"]?["total"]?.int == 5)
            let old = try await client.get("/api/v1/jobs?queue=\(queue)&created_to=2020-01-01", token: token)
            #expect(old.json["meta"]?["total"]?.int == 0)
        }
    }

    @Test func idempotencyKeyReturnsTheSameJobOrAConflict() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            let body = #"{"type":"diag.sleep","payload":{"milliseconds":1},"queue":"\#(queue)","idempotency_key":"tick-1"}"#
            let first = try await client.post("/api/v1/jobs", token: token, json: body)
            let second = try await client.post("/api/v1/jobs", token: token, json: body)
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(first.data?["id"]?.string == second.data?["id"]?.string)
            let conflict = try await client.post(
                "/api/v1/jobs", token: token,
                json: #"{"type":"diag.sleep","payload":{"milliseconds":2},"queue":"\#(queue)","idempotency_key":"tick-1"}"#)
            #expect(conflict.status == .conflict)
            #expect(conflict.errorCode == "IDEMPOTENCY_CONFLICT")
        }
    }

    @Test func dependentJobsWaitForTheirParents() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            let parent = try await client.post("/api/v1/jobs", token: token, json: #"{"type":"diag.noop","queue":"\#(queue)"}"#)
            let parentID = try #require(parent.data?["id"]?.string)
            let child = try await client.post(
                "/api/v1/jobs", token: token, json: #"{"type":"diag.noop","queue":"\#(queue)","depends_on":["\#(parentID)"]}"#)
            #expect(child.status == .created)
            #expect(child.data?["state"]?.string == "waiting")
            #expect(child.data?["depends_on"]?[0]?.string == parentID)
            let later = try await client.post(
                "/api/v1/jobs", token: token,
                json: #"{"type":"diag.noop","queue":"\#(queue)","run_at":"\#(ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600)))"}"#)
            #expect(later.data?["state"]?.string == "scheduled")
        }
    }

    @Test func badSubmissionsGetAClear4xxAndWriteNothing() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            let cases: [(String, Int, String)] = [
                (#"{"type":"diag.noop","#, 400, "INVALID_JSON"),
                ("", 400, "INVALID_JSON"),
                (#"[1,2,3]"#, 400, "VALIDATION_FAILED"),
                (#"{"payload":{}}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":42,"queue":"\#(queue)"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","priority":"high"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","priority":12}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","max_attempts":0}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","run_at":"tomorrow"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","depends_on":["nope"]}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"\#(queue)","timeout_seconds":-1}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"q*; FLUSHALL"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop","queue":"{x}:job:1"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"diag.noop','; DROP TABLE users; --","queue":"\#(queue)"}"#, 400, "VALIDATION_FAILED"),
                (#"{"type":"no.such_type","queue":"\#(queue)"}"#, 422, "UNKNOWN_JOB_TYPE"),
                (#"{"type":"diag.sleep","payload":{"milliseconds":"soon"},"queue":"\#(queue)"}"#, 422, "INVALID_PAYLOAD"),
                (#"{"type":"diag.sleep","payload":{},"queue":"\#(queue)"}"#, 422, "INVALID_PAYLOAD"),
            ]
            for (body, status, code) in cases {
                let reply = try await client.post("/api/v1/jobs", token: token, json: body)
                #expect(Int(reply.status.code) == status, "\(body) → \(reply.text)")
                #expect(reply.errorCode == code, "\(body) → \(reply.text)")
                #expect(reply.json["error"]?["message"]?.string?.isEmpty == false)
            }
            let deep = #"{"type":"diag.noop","queue":"\#(queue)","payload":"# + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "}"
            let nested = try await client.post("/api/v1/jobs", token: token, json: deep)
            #expect(nested.status == .badRequest || nested.status == .unprocessableContent, "\(nested.text.prefix(200))")
            let numbers = try await client.post("/api/v1/jobs", token: token, json: #"{"type":"diag.noop","queue":"\#(queue)","priority":1e400}"#)
            #expect(numbers.status == .badRequest)
            let huge = #"{"type":"diag.noop","queue":"\#(queue)","payload":{"blob":""# + String(repeating: "x", count: 100_000) + #""}}"#
            let tooLarge = try await client.post("/api/v1/jobs", token: token, json: huge)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.errorCode == "PAYLOAD_TOO_LARGE")
            let stats = try await harness.queue.stats(queue: queue)
            #expect(stats.pending == 0, "nothing was written")
        }
    }

    @Test func badLookupsAndFiltersAreRefused() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        try await harness.run(as: admin) { client, token in
            for id in [JobID.generate(), "nope", "*", "..%2F..%2Fetc", "01ARZ3NDEKTSV4RRFFQ69G5FA%7B"] {
                let reply = try await client.get("/api/v1/jobs/\(id)", token: token)
                #expect(reply.status == .notFound, "\(id)")
                #expect(reply.errorCode == "JOB_NOT_FOUND" || reply.errorCode == "ROUTE_NOT_FOUND", "\(id)")
            }
            for query in ["page=0", "limit=1000", "limit=0", "page=abc", "state=exploded", "queue=a%20b", "type=DROP%20TABLE",
                          "created_from=2026-13-45", "created_from=2026-02-01&created_to=2026-01-01"] {
                let reply = try await client.get("/api/v1/jobs?\(query)", token: token)
                #expect(reply.status == .badRequest, "\(query) → \(reply.text)")
                #expect(reply.errorCode == "VALIDATION_FAILED")
            }
        }
    }

    @Test func jobsNeedAnAdmin() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user(role: .user)
        try await harness.run(as: user) { client, token in
            let submit = try await client.post("/api/v1/jobs", token: token, json: #"{"type":"diag.noop"}"#)
            #expect(submit.status == .forbidden)
            #expect(submit.errorCode == "FORBIDDEN")
            #expect(try await client.get("/api/v1/queues", token: token).status == .forbidden)
            let anonymous = try await client.get("/api/v1/jobs")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "UNAUTHORIZED")
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
        }
    }
}
