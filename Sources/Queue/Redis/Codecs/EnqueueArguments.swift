import Essentials
import Foundation
import Redis

/// ARGV of `enqueue`: now, job count, fence name (empty: none), fence token, shape count, whether ready jobs are
/// packed (`1` under `JobHashLayout.packed`), the shapes (see `JobShape.append`), then id, payload and shape number
/// (1-based) per job.
///
/// The jobs of one batch usually differ only in id and payload, so what they share goes once per batch as a
/// shape: the script reads a fifth of the arguments it did when every job carried all thirteen fields.
struct EnqueueArguments: ScriptArguments {
    var now: Int64
    var fence: JobRequest.Fence?
    var jobs: [JobDefinition]
    var layout: JobHashLayout

    /// ARGV strings per job after the shapes.
    static let jobFields = 3

    func encoded() -> [String] {
        var shapes: [JobShape: Int] = [:]
        var shapeArguments: [String] = []
        var jobArguments: [String] = []
        jobArguments.reserveCapacity(jobs.count * Self.jobFields)
        // A batch is mostly one shape: comparing with the last one skips hashing it for every job.
        var last: (shape: JobShape, number: Int)?
        // A packed job's spec ends at the first newline: a type with one (which submit refuses) keeps its batch in hashes.
        var packs = layout == .packed
        for job in jobs {
            let shape = JobShape(job)
            let number: Int
            if let last, last.shape == shape {
                number = last.number
            } else if let known = shapes[shape] {
                number = known
            } else {
                number = shapes.count + 1
                shapes[shape] = number
                if job.type.utf8.contains(UInt8(ascii: "\n")) { packs = false }
                shape.append(to: &shapeArguments, createdAt: now, layout: layout)
            }
            last = (shape, number)
            jobArguments.append(job.id)
            jobArguments.append(job.payload)
            jobArguments.append(String(number))
        }
        return [
            String(now), String(jobs.count), fence?.name ?? "", fence.map { String($0.token) } ?? "0", String(shapes.count),
            packs ? "1" : "",
        ] + shapeArguments + jobArguments
    }
}

/// What a job of a batch shares with others: its definition but for id and payload (blanked here), and the
/// hash of its payload under an idempotency key (which tells a repeat from a conflict, so it must match too).
struct JobShape: Hashable {
    var definition: JobDefinition
    var payloadHash: String?

    init(_ job: JobDefinition) {
        definition = job
        definition.id = ""
        definition.payload = ""
        payloadHash = job.payloadHash
    }

    /// Appends what the script decides by: priority and run-at (the jobs' state and queue score), idempotency key
    /// and payload hash, parents (comma-separated), then the count of hash field strings and those field/value
    /// pairs, which the script writes as they are beside `payload` and `state`. So the layout (`JobHashLayout`) is
    /// chosen here alone; fields left empty or at the value a missing field reads as are left out, as every field
    /// is written to the AOF too.
    func append(to arguments: inout [String], createdAt: Int64, layout: JobHashLayout) {
        let job = definition
        arguments.append(String(job.priority))
        arguments.append(String(job.runAt))
        arguments.append(job.idempotencyKey ?? "")
        arguments.append(payloadHash ?? "")
        let parents = job.dependsOn.joined(separator: ",")
        arguments.append(parents)
        var fields: [String]
        switch layout {
        case .spec, .packed:
            fields = [JobSpec.field, JobSpec.text(for: job, createdAt: createdAt)]
        case .fields:
            fields = [
                "type", job.type, "priority", String(job.priority), "max_attempts", String(job.maxAttempts),
                "run_at", String(job.runAt), "timeout_ms", String(job.timeout.milliseconds),
                "backoff_base_ms", String(job.backoff.milliseconds), "backoff_max_ms", String(job.maximumBackoff.milliseconds),
                "attempt", "0", "created_at", String(createdAt),
            ]
        }
        if let key = job.idempotencyKey, !key.isEmpty {
            fields += ["idem", key, "payload_hash", payloadHash ?? ""]
        }
        if !parents.isEmpty {
            fields += ["parents", parents, "dep_policy", job.onParentFailure.rawValue]
        }
        if let trace = job.traceparent {
            fields += ["trace", trace]
        }
        arguments.append(String(fields.count))
        arguments += fields
    }
}

/// `enqueue`'s answer: the jobs not created because their idempotency key was taken, by index in the batch,
/// with the id of the job that holds the key. Every other job was created.
///
/// The script answers `{index, id, index, id, …}` (0-based) for those only, so a batch of new jobs costs an
/// empty reply rather than a status per job.
struct EnqueueReply: ScriptReply {
    var existing: [Int: String] = [:]

    init(reply: RedisValue) {
        var reader = RedisReplyReader(reply)
        while reader.remaining >= 2 {
            let index = reader.int()
            let id = reader.string()
            if let index, let id { existing[index] = id }
        }
    }
}

/// ARGV of `advance-fence`: fence name, token. The reply is the token seen before.
struct FenceArguments: ScriptArguments {
    var name: String
    var token: UInt64

    func encoded() -> [String] { [name, String(token)] }
}
