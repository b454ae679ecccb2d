import Hummingbird
import Queue

/// `/admin/jobs/{id}/retry|cancel` and `/admin/queues/{name}/purge-dead|pause|resume`: the repairs `aips queue`
/// makes, over HTTP, through the same `JobQueue` operations.
struct AdminQueueRoutes: Sendable {
    let queue: JobQueue

    func register(on group: RouteRegistrar) {
        group.post("jobs/{id}/retry", use: retry)
        group.post("jobs/{id}/cancel", use: cancel)
        group.post("queues/{name}/purge-dead", use: purgeDead)
        group.post("queues/{name}/pause", use: pause)
        group.post("queues/{name}/resume", use: resume)
    }

    /// What a job action did: `queued` (retried), `cancelled`, or `cancel_requested` (running: its worker cancels it
    /// at the next heartbeat); and the job as it is now.
    struct JobAction: Encodable, Sendable {
        var outcome: String
        var job: JobView
    }

    /// What purging a queue's dead jobs did.
    struct Purge: Encodable, Sendable {
        var queue: String
        var purged: Int
    }

    /// Puts a dead or cancelled job back in its queue with fresh attempts; 409 for a job in any other state.
    @Sendable func retry(_ request: Request, context: APIRequestContext) async throws -> Envelope<JobAction, EmptyMeta> {
        try await act(on: context) { id in
            try await queue.retry(id)
            return "queued"
        }
    }

    /// Cancels a job that has not finished; 409 for a finished one.
    @Sendable func cancel(_ request: Request, context: APIRequestContext) async throws -> Envelope<JobAction, EmptyMeta> {
        try await act(on: context) { id in
            switch try await queue.cancel(id) {
            case .cancelled: "cancelled"
            case .requested: "cancel_requested"
            }
        }
    }

    /// Deletes every dead job of the queue.
    @Sendable func purgeDead(_ request: Request, context: APIRequestContext) async throws -> Envelope<Purge, EmptyMeta> {
        let name = try Self.queueName(context)
        return Envelope(data: Purge(queue: name, purged: try await queue.purgeDead(queue: name)), meta: EmptyMeta())
    }

    /// Stops workers from taking the queue's jobs; running jobs finish.
    @Sendable func pause(_ request: Request, context: APIRequestContext) async throws -> Envelope<QueueView, EmptyMeta> {
        try await change(context) { try await queue.pause(queue: $0) }
    }

    /// Lets workers take the queue's jobs again.
    @Sendable func resume(_ request: Request, context: APIRequestContext) async throws -> Envelope<QueueView, EmptyMeta> {
        try await change(context) { try await queue.resume(queue: $0) }
    }

    /// Runs `action` on the job the `{id}` path parameter names (404 before it for an unknown job) and answers its
    /// outcome with the job as it is after.
    private func act(
        on context: APIRequestContext, _ action: (String) async throws -> String
    ) async throws -> Envelope<JobAction, EmptyMeta> {
        let id = try await JobRoutes.job(try context.parameters.require("id"), in: queue).id
        let outcome = try await action(id)
        return Envelope(data: JobAction(outcome: outcome, job: JobView(try await JobRoutes.job(id, in: queue))), meta: EmptyMeta())
    }

    /// Runs `action` on the queue the `{name}` path parameter names and answers the queue as it is after.
    private func change(
        _ context: APIRequestContext, _ action: (String) async throws -> Void
    ) async throws -> Envelope<QueueView, EmptyMeta> {
        let name = try Self.queueName(context)
        try await action(name)
        return Envelope(data: QueueView(try await queue.stats(queue: name)), meta: EmptyMeta())
    }

    private static func queueName(_ context: APIRequestContext) throws -> String {
        let name = try context.parameters.require("name")
        do {
            try QueueName.validate(name)
        } catch let error as QueueError {
            throw APIError.validation(error.message, field: "name")
        }
        return name
    }
}
