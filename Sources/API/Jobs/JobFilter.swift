import Foundation
import Hummingbird
import Queue

/// The filters of `GET /api/v1/jobs`: `state`, `type`, `queue`, `created_from`, `created_to`.
struct JobFilter: Sendable {
    var state: JobState?
    var type: String?
    var queue: String?
    var createdFrom: Date?
    var createdTo: Date?

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
    }

    /// Whether the filters that the queue's sets cannot answer (type, creation date) keep `record`.
    func keeps(_ record: JobRecord) -> Bool {
        if let type, record.type != type { return false }
        if let createdFrom, record.createdAt < createdFrom { return false }
        if let createdTo, record.createdAt > createdTo { return false }
        return true
    }

    /// Whether every filter is answered by the per-state sets alone.
    var needsScan: Bool { type != nil || createdFrom != nil || createdTo != nil }
}
