import Essentials
import Hummingbird
import Queue

/// `POST /jobs`, `GET /jobs/{id}`, `GET /jobs` and `GET /queues`, for admins.
struct JobRoutes: Sendable {
    let queue: JobQueue
    let registry: JobRegistry
    let maxBodySize: Int
    let scanLimit: Int

    func register(on group: RouteRegistrar) {
        group.post("jobs", use: submit)
        group.get("jobs/{id}", use: show)
        group.get("jobs", use: list)
        group.get("queues", use: queues)
    }

    @Sendable func submit(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Envelope<JobView, EmptyMeta>> {
        try context.requireIdentity().requireAdmin()
        var request = request
        let submission = try await request.decodeJSON(JobSubmission.self, context: context, limit: maxBodySize)
        let jobRequest = try submission.request()
        guard registry.types.contains(jobRequest.type) else {
            throw APIError(
                .unprocessableContent, code: "UNKNOWN_JOB_TYPE", "unknown job type \"\(jobRequest.type)\"",
                details: ["type": .string(jobRequest.type), "known_types": .array(registry.types.map { .string($0) })])
        }
        do {
            try registry.validate(type: jobRequest.type, payload: jobRequest.payload)
        } catch let error as QueueError {
            throw APIError(.unprocessableContent, code: "INVALID_PAYLOAD", error.message, details: ["type": .string(jobRequest.type)])
        }
        let result = try await queue.enqueue(jobRequest)
        guard let record = try await queue.job(result.id) else {
            throw APIError(.notFound, code: "JOB_NOT_FOUND", "job \(result.id) ended before it could be read back")
        }
        return EditedResponse(status: result.created ? .created : .ok, response: Envelope(data: JobView(record), meta: EmptyMeta()))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<JobView, EmptyMeta> {
        try context.requireIdentity().requireAdmin()
        let id = try context.parameters.require("id")
        // An id that cannot be a job id is answered without touching Redis.
        guard JobID.isValid(id), let record = try await queue.job(id) else {
            throw APIError(.notFound, code: "JOB_NOT_FOUND", "job \(id.prefix(64)) not found", details: ["job_id": .string(String(id.prefix(64)))])
        }
        return Envelope(data: JobView(record), meta: EmptyMeta())
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[JobView], JobListMeta> {
        try context.requireIdentity().requireAdmin()
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let filter = try JobFilter(query)
        let page = try await JobListing(queue: queue, scanLimit: scanLimit).page(filter, pagination)
        return Envelope(
            data: page.jobs.map(JobView.init),
            meta: JobListMeta(total: page.total, page: pagination.page, limit: pagination.limit, totalIsExact: page.totalIsExact))
    }

    @Sendable func queues(_ request: Request, context: APIRequestContext) async throws -> Envelope<[QueueView], EmptyMeta> {
        try context.requireIdentity().requireAdmin()
        var views: [QueueView] = []
        for name in try await queue.queues() {
            views.append(QueueView(try await queue.stats(queue: name)))
        }
        return Envelope(data: views, meta: EmptyMeta())
    }
}
