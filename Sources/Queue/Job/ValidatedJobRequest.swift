/// A job request that passed the submit checks, once: its shape, then (with a registry) its type and payload.
///
/// `JobQueue.enqueue` takes these without checking again, so a caller that must answer each refusal its own
/// way (the HTTP API: 400 for a malformed request, 422 for an unknown type or a bad payload) validates first.
public struct ValidatedJobRequest: Sendable, Equatable {
    public let request: JobRequest

    /// Checks `request`; `registry` (when given) must know its type and accept its payload.
    public init(_ request: JobRequest, registry: JobRegistry?) throws(JobRequestRejection) {
        do {
            try request.validate()
        } catch {
            throw JobRequestRejection(step: .request, underlying: error)
        }
        if let registry {
            let validate: @Sendable (String) throws -> Void
            do {
                validate = try registry.validator(for: request.type)
            } catch {
                throw JobRequestRejection(step: .type, underlying: error)
            }
            do {
                try validate(request.payload)
            } catch {
                throw JobRequestRejection(step: .payload, underlying: error)
            }
        }
        self.request = request
    }
}

/// Why a job request was refused before anything was written.
public struct JobRequestRejection: Error, CustomStringConvertible {
    /// The check that refused it.
    public enum Step: Sendable {
        /// The request's own fields (queue name, type syntax, priority, attempts, JSON, …).
        case request
        /// The registry does not know the job type.
        case type
        /// The payload does not decode or validate as the type's parameters.
        case payload
    }

    public var step: Step
    /// The error the check threw (a `QueueError` with code `.invalidRequest` from the queue's own checks).
    public var underlying: any Error

    public var description: String { String(describing: underlying) }
}
