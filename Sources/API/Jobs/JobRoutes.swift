import Essentials
import Hummingbird
import Queue
import Store

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
        var request = request
        let submission = try await request.decodeJSON(JobSubmission.self, context: context, limit: maxBodySize)
        var jobRequest = try submission.request()
        // The job joins the request's trace: the worker's log lines of its run carry the same trace id.
        jobRequest.traceparent = context.trace?.traceparent
        // Checked once, here, so each refusal gets its own answer; the queue does not check again.
        let validated: ValidatedJobRequest
        do {
            validated = try ValidatedJobRequest(jobRequest, registry: registry)
        } catch {
            throw refusal(error, type: jobRequest.type)
        }
        let (result, readBack) = try await queue.submit(validated)
        guard let record = readBack else {
            throw APIError(.notFound, code: "JOB_NOT_FOUND", "job \(result.id) ended before it could be read back")
        }
        return EditedResponse(status: result.created ? .created : .ok, response: Envelope(data: JobView(record), meta: EmptyMeta()))
    }

    /// The answer to a request the queue refused: 400 for a malformed one, 422 for an unknown type or a bad payload.
    private func refusal(_ rejection: JobRequestRejection, type: String) -> any Error {
        guard let error = rejection.underlying as? QueueError else { return rejection.underlying }
        switch rejection.step {
        case .request:
            return APIError(.badRequest, code: "VALIDATION_FAILED", error.message)
        case .type:
            return APIError(
                .unprocessableContent, code: "UNKNOWN_JOB_TYPE", "unknown job type \"\(type)\"",
                details: ["type": .string(type), "known_types": .array(registry.types.map { .string($0) })])
        case .payload:
            return APIError(.unprocessableContent, code: "INVALID_PAYLOAD", error.message, details: ["type": .string(type)])
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<JobView, EmptyMeta> {
        Envelope(data: JobView(try await Self.job(try context.parameters.require("id"), in: queue)), meta: EmptyMeta())
    }

    /// The job with `id`, or 404 `JOB_NOT_FOUND`.
    static func job(_ id: String, in queue: JobQueue) async throws -> JobRecord {
        // An id that cannot be a job id is answered without touching Redis.
        guard JobID.isValid(id), let record = try await queue.job(id) else {
            throw APIError(.notFound, code: "JOB_NOT_FOUND", "job \(id.prefix(64)) not found", details: ["job_id": .string(String(id.prefix(64)))])
        }
        return record
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[JobView], JobListMeta> {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let filter = try JobFilter(query)
        let page = try await JobListing(queue: queue, scanLimit: scanLimit).page(filter, pagination)
        return Envelope(
            data: page.jobs.map(JobView.init),
            meta: JobListMeta(total: page.total, page: pagination.page, limit: pagination.limit, totalIsExact: page.totalIsExact))
    }

    @Sendable func queues(_ request: Request, context: APIRequestContext) async throws -> Envelope<[QueueView], EmptyMeta> {
        let order = try ListOrder(request.uri.queryParameters, default: ListOrder(QueueView.Order.name, ascending: true))
        var views: [QueueView] = []
        for name in try await queue.queues() {
            views.append(QueueView(try await queue.stats(queue: name)))
        }
        order.sort(&views)
        return Envelope(data: views, meta: EmptyMeta())
    }
}
