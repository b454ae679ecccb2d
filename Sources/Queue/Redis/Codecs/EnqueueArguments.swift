import Essentials
import Foundation
import Redis

/// ARGV of `enqueue`: now, job count, fence name (empty: none), fence token, then `JobDefinition.scriptFields` per job.
struct EnqueueArguments: ScriptArguments {
    var now: Int64
    var fence: JobRequest.Fence?
    var jobs: [JobDefinition]

    func encoded() -> [String] {
        var arguments = [String(now), String(jobs.count), fence?.name ?? "", fence.map { String($0.token) } ?? "0"]
        arguments.reserveCapacity(arguments.count + jobs.count * JobDefinition.scriptFields)
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

extension JobDefinition {
    /// How many ARGV strings one job takes: the Lua reads them as `ARGV[b]` … `ARGV[b + 12]`.
    static let scriptFields = 13

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
        arguments.append(payloadHash ?? "")
        arguments.append(parents.joined(separator: ","))
        arguments.append(onParentFailure.rawValue)
    }
}
