/// How the Redis backend lays out a new job's hash. Every version from the one that brought `spec` reads both.
public enum JobHashLayout: String, Sendable, CaseIterable {
    /// Every setting in a field of its own, as versions before `spec` wrote it and still read it. Run this
    /// while a process of such a version may still reserve jobs: it would take a `spec` job off the queue and
    /// find no type in it, and the job would be lost (a rolling deploy has old and new workers side by side).
    case fields
    /// What enqueue fixes packed in one field (see `JobSpec`): three fields written per job instead of eleven,
    /// about a third less Redis CPU per job on a batched enqueue.
    case spec
    /// As `spec`, but a job enqueued ready to run whose hash would hold its spec and payload alone (no parents, no
    /// later run time, no idempotency key, no trace) is one string, the spec, a newline and the payload, until the
    /// first script that changes it (a reserve, cancel, delete, retry or attach) makes it that hash: a batch costs one
    /// MSET instead of an HSET a job, about 40 % less Redis CPU per job on a batched enqueue in bench/queue.sh.
    /// Versions before it cannot read such a job: a worker of one would drop it on reserving it.
    case packed
}
