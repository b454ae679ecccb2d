extension Schedule {
    /// The schedule with only the jobs whose type is in `types`, or `nil` when none is: a process that has no handler
    /// for a job (or a world with no source for it) runs the rest of the flow. A kept job that waited for a dropped
    /// one waits for what that one waited for, so the flow keeps its order.
    public func keeping(jobTypes types: Set<String>) -> Schedule? {
        var inherited: [String: [String]] = [:]
        var kept: [ScheduledJob] = []
        for job in jobs {
            let after = job.after.flatMap { inherited[$0] ?? [$0] }.uniqued()
            if types.contains(job.type) {
                var job = job
                job.after = after
                kept.append(job)
            } else {
                inherited[job.step] = after
            }
        }
        guard !kept.isEmpty else { return nil }
        var schedule = self
        schedule.jobs = kept
        return schedule
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
