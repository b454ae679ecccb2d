import Foundation
import Hummingbird
import Queue
import Store

/// The filters of `GET /api/v1/jobs`: `state`, `type`, `queue`, `created_from`, `created_to`, with `sort` and `order`.
struct JobFilter: Sendable {
    /// The fields a page of jobs can be sorted by.
    enum Order: String, InMemorySortField {
        case createdAt = "created_at"
        case priority
        case attempt
        case type
        case state

        /// Whether `a` comes before `b` in ascending order; ties fall back to the id (creation time, then randomness).
        func ascends(_ a: JobRecord, _ b: JobRecord) -> Bool {
            switch self {
            case .createdAt: (a.createdAt, a.id) < (b.createdAt, b.id)
            case .priority: (a.priority, a.id) < (b.priority, b.id)
            case .attempt: (a.attempt, a.id) < (b.attempt, b.id)
            case .type: (a.type, a.id) < (b.type, b.id)
            case .state: (a.state.rawValue, a.id) < (b.state.rawValue, b.id)
            }
        }
    }

    var state: JobState?
    var type: String?
    var queue: String?
    var createdFrom: Date?
    var createdTo: Date?
    /// Nil keeps the queue's own order (queue by queue, state by state), which pages without reading every job.
    var order: ListOrder<Order>?

    init(_ query: Parameters) throws {
        if let text = query.get("state") {
            guard let state = JobState(rawValue: text) else {
                let states = JobState.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.validation("state must be one of \(states)", field: "state")
            }
            self.state = state
        }
        if let text = query.get("type") {
            guard JobRequest.isValidType(text) else {
                throw APIError.validation("type must be dotted lowercase, like collect.odds", field: "type")
            }
            type = text
        }
        if let text = query.get("queue") {
            do {
                try QueueName.validate(text)
            } catch let error as QueueError {
                throw APIError.validation(error.message, field: "queue")
            }
            queue = text
        }
        createdFrom = try QueryDate.parse(query, "created_from")
        createdTo = try QueryDate.parse(query, "created_to")
        if let from = createdFrom, let to = createdTo, from > to {
            throw APIError.validation("created_from must not be after created_to", field: "created_from")
        }
        if ListOrder<Order>.isRequested(in: query) {
            order = try ListOrder(query, default: ListOrder(.createdAt))
        }
    }

    /// Whether the filters that the queue's sets cannot answer (type, creation date) keep `record`.
    func keeps(_ record: JobRecord) -> Bool {
        if let type, record.type != type { return false }
        if let createdFrom, record.createdAt < createdFrom { return false }
        if let createdTo, record.createdAt > createdTo { return false }
        return true
    }

    /// Whether every filter is answered by the per-state sets alone, in their own order.
    var needsScan: Bool { type != nil || createdFrom != nil || createdTo != nil || order != nil }
}
