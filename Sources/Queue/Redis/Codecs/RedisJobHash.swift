/// A job hash as the scripts leave it, read into the fields `JobRecord` reads (the ones a hash with every field
/// would hold, as the in-memory backend gives them).
///
/// The scripts keep the hash sparse, since each field written costs Redis the HSET and the AOF write: what enqueue
/// fixed is packed in `spec` (`JobSpec`), a running job's lease end is its score in `running` only, and a
/// succeeded job's progress is 100 without a field. Reading puts those back, so records look as before.
struct RedisJobHash {
    var fields: [String: String]

    /// `stored`: the hash as `HGETALL` gives it; `leaseUntil`: the job's score in `running` (ms epoch), if any.
    init(stored: [String: String], leaseUntil: String?) {
        var fields = JobSpec.resolved(stored)
        // Hashes written before the lease lived in `running` only may carry a stale `lease_until`; only a running
        // job has a lease.
        fields["lease_until"] = fields["state"] == JobState.running.rawValue ? leaseUntil ?? fields["lease_until"] : nil
        if fields["state"] == JobState.succeeded.rawValue { fields["progress"] = "100" }
        self.fields = fields
    }
}
