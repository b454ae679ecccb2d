import API
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// Health, metrics, unknown routes, body limits and the OpenAPI document.
struct ServerTests {
    @Test func healthAnswersLiveAndReady() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            for base in ["/health", "/api/v1/health"] {
                let live = try await client.get("\(base)/live")
                #expect(live.status == .ok)
                #expect(live.data?["status"]?.string == "ok")
                let ready = try await client.get("\(base)/ready")
                #expect(ready.status == .ok, "\(ready.text)")
                #expect(ready.data?["checks"]?["redis"]?["status"]?.string == "ok")
                #expect(ready.data?["checks"]?["postgresql"]?["status"]?.string == "ok")
            }
        }
    }

    @Test func readinessSays503WhenPostgreSQLIsUnreachable() async throws {
        let unreachable = Store(configuration: PostgresConfiguration(url: "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=1"))
        let harness = try await APITestHarness.make(servingDatabase: unreachable)
        try await harness.run { client in
            let started = ContinuousClock.now
            let ready = try await client.get("/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.data?["status"]?.string == "unavailable")
            #expect(ready.data?["checks"]?["postgresql"]?["status"]?.string == "unavailable")
            #expect(ready.data?["checks"]?["redis"]?["status"]?.string == "ok")
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(try await client.get("/health/live").status == .ok)
        }
        await unreachable.shutdown()
    }

    @Test func metricsArePrometheusText() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            let reply = try await client.get("/metrics")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func unknownRoutesAnswer404InTheErrorFormat() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            for path in ["/", "/api/v2/jobs", "/api/v1/nothing", "/api/v1/jobs/x/y/z", "/%00"] {
                let reply = try await client.get(path)
                #expect(reply.status == .notFound, "\(path)")
                #expect(reply.errorCode == "ROUTE_NOT_FOUND", "\(path) → \(reply.text)")
                #expect(reply.json["error"]?["details"] != nil)
            }
            let wrongMethod = try await client.request(.delete, "/api/v1/jobs")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.errorCode == "METHOD_NOT_ALLOWED")
            #expect(wrongMethod.headers[.allow] == "GET, POST")
            #expect(try await client.request(.put, "/api/v1/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV").headers[.allow] == "GET")
        }
    }

    @Test func announcedOversizedBodiesAreRefusedBeforeReading() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            let body = String(repeating: "a", count: 70 * 1024)
            let reply = try await client.request(.post, "/api/v1/auth/login", body: body)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.errorCode == "PAYLOAD_TOO_LARGE")
        }
    }

    @Test func openAPIDocumentsEveryServedRouteAndNothingElse() async throws {
        let harness = try await APITestHarness.make()
        let served = Set(harness.server.routes)
        let documented = Set(APIServer.documentedRoutes)
        #expect(!served.isEmpty)
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted { $0.description < $1.description })")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted { $0.description < $1.description })")
        try await harness.run { client in
            let reply = try await client.get("/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.json["openapi"]?.string == "3.1.0")
            #expect(reply.json["paths"]?["/api/v1/jobs/{id}"]?["get"] != nil)
            #expect(reply.json["components"]?["schemas"]?["Error"] != nil)
        }
    }
}
