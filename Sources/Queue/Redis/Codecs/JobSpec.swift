import Essentials

/// What a job is enqueued with and no script changes later but `run_at`, packed into one field of its hash.
///
/// Every field a script writes costs Redis the HSET work and its AOF record: writing eleven fields per enqueued
/// job, a batched enqueue cost Redis 9.4 µs of CPU per job in bench/queue.sh, against 6.1 µs with three (callgrind
/// on redis-server over the whole bench: HSET 60 % and AOF feeding 42 % fewer instructions). So `enqueue` writes
/// `spec`, `payload` and `state`, and a job's own fields come only as scripts change them. The text is
/// `priority,max_attempts,timeout_ms,backoff_base_ms,backoff_max_ms,created_at,run_at,type`: the type comes last
/// because it may hold commas.
///
/// A field of the hash's own wins over the spec's value of the same name (`run_at` after a retry). That rule also
/// reads hashes written before the spec existed, which carry every field on its own and no `spec`, so jobs
/// enqueued by an older version run on. The Lua side of the same rule is `job_fields` in `QueueScripts.prelude`.
struct JobSpec {
    /// The hash field that holds the packed text.
    static let field = "spec"

    /// The field names of the packed values, in their order in the text; the Lua prelude's `spec_index` lists the same.
    static let names = ["priority", "max_attempts", "timeout_ms", "backoff_base_ms", "backoff_max_ms", "created_at", "run_at", "type"]

    /// The packed text for `job`, created at `createdAt` (ms epoch).
    static func text(for job: JobDefinition, createdAt: Int64) -> String {
        var text = String(job.priority)
        for value in [
            Int64(job.maxAttempts), job.timeout.milliseconds, job.backoff.milliseconds, job.maximumBackoff.milliseconds,
            createdAt, job.runAt,
        ] {
            text += ","
            text += String(value)
        }
        return text + "," + job.type
    }

    /// The packed values in the order of `names`; nil when `text` is not a spec.
    static func values(of text: String) -> [Substring]? {
        // Split as bytes: splitting the String walks it by Characters, 4 % of a worker's CPU on no-op jobs in
        // bench/queue.sh. A comma is one byte of UTF-8, never part of another character's.
        let values = text.utf8.split(separator: UInt8(ascii: ","), maxSplits: names.count - 1, omittingEmptySubsequences: false)
        return values.count == names.count ? values.map(Substring.init) : nil
    }

    /// The hash fields of a job stored packed (`JobHashLayout.packed`): `text` is its spec, a newline and its payload,
    /// and the job is queued (a script unpacks it before any other state).
    static func unpacked(_ text: String) -> [String: String] {
        guard let cut = text.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return [field: text, "state": JobState.queued.rawValue] }
        return [
            field: String(text[..<cut]), "payload": String(text[text.utf8.index(after: cut)...]), "state": JobState.queued.rawValue,
        ]
    }

    /// `fields` with the spec's values added where the hash has no field of the same name.
    static func resolved(_ fields: [String: String]) -> [String: String] {
        guard let text = fields[field], let values = values(of: text) else { return fields }
        var fields = fields
        for (name, value) in zip(names, values) where fields[name] == nil { fields[name] = String(value) }
        fields[field] = nil
        return fields
    }
}
