import ArgumentParser
import Foundation
import Queue

extension QueueConfiguration {
    /// The queue's configuration as every `aips` command runs it: `AIPS_QUEUE_JOB_LAYOUT` (`fields`, the
    /// default, `spec` or `packed`) chooses how new jobs are laid out.
    ///
    /// `fields` by default, unlike the library: a process of a version from before `spec` (or `packed`) would lose
    /// such a job it reserves, and a rolling deploy runs old workers beside new enqueuers. Set `spec` or `packed`
    /// once every process runs a version that reads it (runbook: deploy/runbooks/maintenance.md). `aips dev`, whose
    /// servers only its own version's processes use, writes `defaultLayout` `packed`.
    static func aips(
        archiveFinishedJobs: Bool = false, defaultLayout: JobHashLayout = .fields,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> QueueConfiguration {
        let text = environment["AIPS_QUEUE_JOB_LAYOUT"] ?? defaultLayout.rawValue
        guard let layout = JobHashLayout(rawValue: text) else {
            throw ValidationError(
                "AIPS_QUEUE_JOB_LAYOUT=\(text): expected one of \(JobHashLayout.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return QueueConfiguration(archiveFinishedJobs: archiveFinishedJobs, jobHashLayout: layout)
    }
}
