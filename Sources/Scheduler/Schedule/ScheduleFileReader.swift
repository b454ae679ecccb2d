import Foundation
import Queue
import Yams

/// Turns the YAML nodes of a schedule file into schedules, refusing what is wrong with
/// the position of the node at fault.
struct ScheduleFileReader {
    let path: String

    static let scheduleKeys = jobKeys.union(["cron", "time_zone", "missed", "enabled", "jobs"])
    static let jobKeys: Set<String> = ["type", "queue", "payload", "priority", "max_attempts", "timeout"]
    static let flowJobKeys: Set<String> = jobKeys.union(["step", "after"])

    /// Job settings given at one level of the file; `nil` fields leave a job's own value.
    struct JobSettings {
        var type: (value: String, node: Node)?
        var queue: String?
        var payload: String?
        var priority: Int?
        var maxAttempts: Int?
        var timeout: Duration?

        func applied(to job: ScheduledJob) -> ScheduledJob {
            var job = job
            if let type { job.type = type.value }
            if let queue { job.queue = queue }
            if let payload { job.payload = payload }
            if let priority { job.priority = priority }
            if let maxAttempts { job.maxAttempts = maxAttempts }
            if let timeout { job.timeout = timeout }
            return job
        }
    }

    /// The schedule `node` describes, amending `existing`; `nil` when it says `enabled: false`.
    func schedule(named name: String, node: Node, existing: Schedule?) throws(ScheduleError) -> Schedule? {
        let fields = try mapping(node, allowing: Self.scheduleKeys)
        if let enabled = fields["enabled"], try bool(enabled) == false { return nil }

        let cron: CronExpression
        if let cronNode = fields["cron"] {
            let text = try string(cronNode)
            do { cron = try CronExpression(text) } catch { throw self.error(at: cronNode, error.description) }
        } else if let existing {
            cron = existing.cron
        } else {
            throw error(at: node, "new schedule '\(name)' needs a cron")
        }

        var timeZone = existing?.timeZone ?? .gmt
        if let zoneNode = fields["time_zone"] {
            let identifier = try string(zoneNode)
            guard let zone = TimeZone(identifier: identifier) else {
                throw error(at: zoneNode, "unknown time zone '\(identifier)' (use an IANA name such as America/New_York)")
            }
            timeZone = zone
        }

        var missed = existing?.missedTicks ?? .skip
        if let missedNode = fields["missed"] {
            let text = try string(missedNode)
            guard let policy = MissedTickPolicy(text) else {
                throw error(at: missedNode, "missed must be 'skip' or 'catch-up N' with N ≥ 1, not '\(text)'")
            }
            missed = policy
        }

        let settings = try jobSettings(fields)
        var jobs: [ScheduledJob]
        if let jobsNode = fields["jobs"] {
            guard case .sequence(let sequence) = jobsNode, !sequence.isEmpty else {
                throw error(at: jobsNode, "jobs must be a non-empty list of jobs")
            }
            jobs = []
            for jobNode in sequence {
                jobs.append(try flowJob(jobNode, settings: settings))
            }
        } else if let existing {
            if let type = settings.type, existing.jobs.count > 1 {
                throw error(at: type.node, "'\(name)' is a flow of \(existing.jobs.count) jobs; set each one's type under jobs")
            }
            jobs = existing.jobs.map(settings.applied(to:))
        } else {
            guard let type = settings.type else {
                throw error(at: node, "new schedule '\(name)' needs a type (or a list of jobs)")
            }
            jobs = [settings.applied(to: ScheduledJob(type: type.value))]
        }

        let schedule = Schedule(name: name, cron: cron, timeZone: timeZone, jobs: jobs, missedTicks: missed)
        if let problem = schedule.flowProblem {
            throw error(at: fields["jobs"] ?? node, "schedule '\(name)': \(problem)")
        }
        return schedule
    }

    private func flowJob(_ node: Node, settings: JobSettings) throws(ScheduleError) -> ScheduledJob {
        let fields = try mapping(node, allowing: Self.flowJobKeys)
        let own = try jobSettings(fields)
        guard let type = own.type ?? settings.type else {
            throw error(at: node, "each job needs a type")
        }
        var after: [String] = []
        if let afterNode = fields["after"] {
            guard case .sequence(let parents) = afterNode else {
                throw error(at: afterNode, "after must be a list of earlier steps")
            }
            for parent in parents { after.append(try string(parent)) }
        }
        let step = try fields["step"].map { node throws(ScheduleError) in try string(node) } ?? type.value
        let job = ScheduledJob(step: step, type: type.value, after: after)
        return own.applied(to: settings.applied(to: job))
    }

    private func jobSettings(_ fields: [String: Node]) throws(ScheduleError) -> JobSettings {
        var settings = JobSettings()
        if let node = fields["type"] {
            let type = try string(node)
            guard JobRequest.isValidType(type) else {
                throw error(at: node, "job type '\(type)' must be dotted lowercase words, like collect.odds")
            }
            settings.type = (type, node)
        }
        if let node = fields["queue"] {
            let queue = try string(node)
            do { try QueueName.validate(queue) } catch { throw self.error(at: node, "\(error)") }
            settings.queue = queue
        }
        if let node = fields["payload"] {
            guard case .mapping = node else { throw error(at: node, "payload must be a mapping (a JSON object)") }
            let object = try json(node)
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            else { throw error(at: node, "payload cannot be written as JSON") }
            settings.payload = String(decoding: data, as: UTF8.self)
        }
        if let node = fields["priority"] { settings.priority = try int(node, in: 0...9) }
        if let node = fields["max_attempts"] { settings.maxAttempts = try int(node, in: 1...100) }
        if let node = fields["timeout"] {
            let text = try string(node)
            guard let seconds = Int(text) ?? CronExpression.durationSeconds(Substring(text)), seconds > 0 else {
                throw error(at: node, "timeout must be a positive duration such as 90s, 10m or 2h, not '\(text)'")
            }
            settings.timeout = .seconds(seconds)
        }
        return settings
    }

    /// The JSON value of a YAML node: mappings become objects, plain scalars keep their YAML type.
    private func json(_ node: Node) throws(ScheduleError) -> Any {
        switch node {
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping { object[try string(key)] = try json(value) }
            return object
        case .sequence(let sequence):
            var array: [Any] = []
            for element in sequence { array.append(try json(element)) }
            return array
        case .scalar(let scalar):
            switch Resolver.default.resolveTag(of: node) {
            case .null: return NSNull()
            case .bool: return node.bool ?? scalar.string
            case .int: return node.int ?? scalar.string
            case .float: return node.float ?? scalar.string
            default: return scalar.string
            }
        case .alias:
            throw error(at: node, "aliases are not supported in a schedule file")
        }
    }

    /// The entries of a mapping by key, refusing keys outside `allowed`.
    func mapping(_ node: Node, allowing allowed: Set<String>) throws(ScheduleError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "expected a mapping with keys among: \(allowed.sorted().joined(separator: ", "))")
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = try string(key)
            guard allowed.contains(name) else {
                throw error(at: key, "unknown setting '\(name)' (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            fields[name] = value
        }
        return fields
    }

    func string(_ node: Node) throws(ScheduleError) -> String {
        guard case .scalar(let scalar) = node else { throw error(at: node, "expected a single value") }
        return scalar.string
    }

    func bool(_ node: Node) throws(ScheduleError) -> Bool {
        guard case .scalar = node, Resolver.default.resolveTag(of: node) == .bool, let value = node.bool else {
            throw error(at: node, "expected true or false")
        }
        return value
    }

    func int(_ node: Node, in range: ClosedRange<Int>) throws(ScheduleError) -> Int {
        guard let value = node.int, range.contains(value) else {
            throw error(at: node, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func error(at node: Node, _ reason: String) -> ScheduleError {
        ScheduleError(source: path, line: node.mark?.line, column: node.mark?.column, reason: reason)
    }

    func error(from yamlError: YamlError) -> ScheduleError {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            ScheduleError(source: path, line: mark.line, column: mark.column, reason: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            ScheduleError(
                source: path, line: context.mark.line, column: context.mark.column,
                reason: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            ScheduleError(source: path, reason: "invalid YAML: \(yamlError)")
        }
    }
}
