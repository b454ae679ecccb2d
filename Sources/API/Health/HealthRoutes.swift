import Foundation
import Hummingbird
import Postgres
import Redis
import Store

/// Liveness (the process answers) and readiness (Redis and PostgreSQL answer too).
struct HealthRoutes: Sendable {
    let redis: RedisClient
    let database: any PostgresDatabase

    struct Check: Encodable, Sendable {
        var status: String
        var latencyMs: Double?
        var error: String?
    }

    struct Report: Encodable, Sendable {
        var status: String
        var checks: [String: Check]
    }

    func register(on routers: [RouteRegistrar]) {
        for router in routers {
            router.get("health/live") { _, _ in Envelope(data: Report(status: "ok", checks: [:]), meta: EmptyMeta()) }
            router.get("health/ready", use: ready)
        }
    }

    @Sendable func ready(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Envelope<Report, EmptyMeta>> {
        async let redisCheck = check { _ = try await redis.send(["PING"], timeout: .seconds(2)) }
        async let databaseCheck = check { _ = try await database.query("SELECT 1") }
        let checks = ["redis": await redisCheck, "postgresql": await databaseCheck]
        let ready = checks.values.allSatisfy { $0.status == "ok" }
        return EditedResponse(
            status: ready ? .ok : .serviceUnavailable,
            response: Envelope(data: Report(status: ready ? "ok" : "unavailable", checks: checks), meta: EmptyMeta()))
    }

    /// Runs one probe with a two-second limit, so a hung dependency reads as unavailable instead of
    /// hanging the probe; the probe itself is left to finish (or time out) on its own.
    private func check(_ body: @escaping @Sendable () async throws -> Void) async -> Check {
        let start = ContinuousClock.now
        do {
            let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, any Error>, Never>) in
                let once = ResumeOnce(continuation)
                let timer = Task {
                    try? await Task.sleep(for: .seconds(2))
                    once.resume(.failure(HealthCheckTimeout()))
                }
                Task {
                    do {
                        try await body()
                        once.resume(.success(()))
                    } catch {
                        once.resume(.failure(error))
                    }
                    timer.cancel()
                }
            }
            try result.get()
            let elapsed = (ContinuousClock.now - start).components
            return Check(status: "ok", latencyMs: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15)
        } catch {
            // The kind of failure only: connection strings and server messages stay in the logs.
            return Check(status: "unavailable", latencyMs: nil, error: String(describing: type(of: error)))
        }
    }
}
