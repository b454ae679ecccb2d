import Foundation
import Logging
import Redis
import ServiceLifecycle
import TestSupport
import Testing
@testable import Queue

/// A queue client on the test Redis (the single server or the cluster), with its own queue name per test.
struct QueueFixture {
    let redis: RedisClient
    let queue: JobQueue
    let name: String

    init(
        _ function: String = #function, on deployment: RedisDeployment = .server, configuration: QueueConfiguration = .init(),
        registry: JobRegistry? = nil
    ) throws {
        redis = RedisClient(configuration: try RedisConfiguration(url: deployment.url))
        queue = JobQueue(redis: redis, configuration: configuration, registry: registry)
        name = TestServers.uniqueName(function).lowercased()
    }

    func request(_ type: String = "diag.noop", payload: String = "{}", _ configure: (inout JobRequest) -> Void = { _ in }) -> JobRequest {
        var request = JobRequest(type: type, queue: name, payload: payload)
        configure(&request)
        return request
    }

    func reserve(max: Int = 10, lease: Duration = .seconds(30), worker: String = "test-worker") async throws -> [ReservedJob] {
        try await queue.reserve(queue: name, worker: worker, lease: lease, max: max).jobs
    }

    func state(_ id: String) async throws -> JobState? {
        try await queue.job(id)?.state
    }
}

/// Records a test issue unless `condition` comes true within `timeout`.
///
/// The default is generous: these waits check that something happens, not how fast it happens, and the timing
/// phase runs some 300 tests on two cores (a worker's three quick attempts once took over 10 s there).
func expectEventually(
    timeout: Duration = .seconds(30), _ condition: () async throws -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    if try await !eventually(timeout: timeout, condition) {
        Issue.record("condition still false after \(timeout)", sourceLocation: sourceLocation)
    }
}

/// Runs `worker` while `body` runs, then shuts it down gracefully and waits for it.
func whileRunning(_ worker: Worker, _ body: () async throws -> Void) async throws {
    let group = ServiceGroup(services: [worker], logger: .init(label: "test"))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            try await body()
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}
