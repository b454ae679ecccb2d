import Essentials
import Foundation
import Redis

/// ARGV of `enqueue`: now, job count, fence name (empty: none), fence token, then `Job.fields` per job.
struct EnqueueArguments: ScriptArguments {
    /// One job as the script stores it; `fields` strings, read by the Lua as `ARGV[b]` … `ARGV[b + 12]`.
    struct Job {
        static let fields = 13

        var id: String
        var type: String
        var payload: String
        var priority: Int
        var maxAttempts: Int
        /// Milliseconds since the epoch; `now` for a job due at once.
        var runAt: Int64
        var timeout: Duration
        var backoff: Duration
        var maximumBackoff: Duration
        var idempotencyKey: String?
        var parents: [String]
        var onParentFailure: JobRequest.ParentFailurePolicy

        init(_ request: JobRequest, now: Int64) {
            id = request.id
            type = request.type
            payload = request.payload
            priority = request.priority
            maxAttempts = request.maxAttempts
            runAt = request.runAt.map { Int64($0.timeIntervalSince1970 * 1000) } ?? now
            timeout = request.timeout
            backoff = request.backoff
            maximumBackoff = request.maximumBackoff
            idempotencyKey = request.idempotencyKey
            parents = request.dependsOn
            onParentFailure = request.onParentFailure
        }

        /// What a repeat under the same idempotency key must match (only computed when there is a key).
        var payloadHash: String { idempotencyKey == nil ? "" : Digest.sha256.hex(type + "\n" + payload) }

        func append(to arguments: inout [String]) {
            arguments.append(id)
            arguments.append(type)
            arguments.append(payload)
            arguments.append(String(priority))
            arguments.append(String(maxAttempts))
            arguments.append(String(runAt))
            arguments.append(String(timeout.milliseconds))
            arguments.append(String(backoff.milliseconds))
            arguments.append(String(maximumBackoff.milliseconds))
            arguments.append(idempotencyKey ?? "")
            arguments.append(payloadHash)
            arguments.append(parents.joined(separator: ","))
            arguments.append(onParentFailure.rawValue)
        }
    }

    var now: Int64
    var fence: JobRequest.Fence?
    var jobs: [Job]

    func encoded() -> [String] {
        var arguments = [String(now), String(jobs.count), fence?.name ?? "", fence.map { String($0.token) } ?? "0"]
        arguments.reserveCapacity(arguments.count + jobs.count * Job.fields)
        for job in jobs { job.append(to: &arguments) }
        return arguments
    }
}

/// `enqueue`'s answer for one job: `created`, or `existing:ID` for a repeated idempotency key.
enum EnqueueStatus: ScriptReplyElement, Equatable {
    case created
    case existing(String)

    init(element: RedisValue) {
        let text = element.string ?? ""
        self = text.hasPrefix("existing:") ? .existing(String(text.dropFirst("existing:".count))) : .created
    }
}

/// ARGV of `advance-fence`: fence name, token. The reply is the token seen before.
struct FenceArguments: ScriptArguments {
    var name: String
    var token: UInt64

    func encoded() -> [String] { [name, String(token)] }
}
