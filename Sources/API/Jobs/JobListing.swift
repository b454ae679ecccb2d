import Queue
import Store

/// One page of `GET /api/v1/jobs`, read from the queue's per-state sets.
///
/// Queue and state filters pick whole sets, so their totals are exact and a page costs only
/// its own rows. Type and creation-date filters need each job's hash: the listing then reads
/// at most `scanLimit` jobs and says whether its total covers every job (`totalIsExact`). So does a sorted page:
/// the jobs read are sorted, and a page is cut from them.
struct JobListing: Sendable {
    let queue: JobQueue
    let scanLimit: Int

    struct Page: Sendable {
        var jobs: [JobRecord]
        var total: Int
        var totalIsExact: Bool
    }

    func page(_ filter: JobFilter, _ pagination: Pagination) async throws -> Page {
        var queues = try await queue.queues()
        if let name = filter.queue { queues = queues.contains(name) ? [name] : [] }
        let states = filter.state.map { [$0] } ?? JobState.allCases
        var segments: [(queue: String, state: JobState, count: Int)] = []
        for name in queues {
            let stats = try await queue.stats(queue: name)
            for state in states where (stats.counts[state] ?? 0) > 0 {
                segments.append((name, state, stats.counts[state] ?? 0))
            }
        }
        return filter.needsScan
            ? try await scan(segments, filter, pagination)
            : try await slice(segments, pagination)
    }

    private func slice(_ segments: [(queue: String, state: JobState, count: Int)], _ pagination: Pagination) async throws -> Page {
        var skip = pagination.offset
        var wanted = pagination.limit
        var jobs: [JobRecord] = []
        for segment in segments where wanted > 0 {
            if skip >= segment.count {
                skip -= segment.count
                continue
            }
            let records = try await queue.list(queue: segment.queue, state: segment.state, offset: skip, limit: wanted)
            jobs += records
            wanted -= records.count
            skip = 0
        }
        return Page(jobs: jobs, total: segments.reduce(0) { $0 + $1.count }, totalIsExact: true)
    }

    private func scan(
        _ segments: [(queue: String, state: JobState, count: Int)], _ filter: JobFilter, _ pagination: Pagination
    ) async throws -> Page {
        var matched = 0
        var read = 0
        var jobs: [JobRecord] = []
        let chunk = 200
        segments: for segment in segments {
            var offset = 0
            while offset < segment.count {
                guard read < scanLimit else { break segments }
                let records = try await queue.list(
                    queue: segment.queue, state: segment.state, offset: offset, limit: min(chunk, scanLimit - read))
                if records.isEmpty { break }
                read += records.count
                offset += records.count
                for record in records where filter.keeps(record) {
                    // A sorted page needs every match before it can be cut; an unsorted one only its own.
                    if filter.order != nil || (matched >= pagination.offset && jobs.count < pagination.limit) { jobs.append(record) }
                    matched += 1
                }
            }
        }
        if let order = filter.order {
            order.sort(&jobs)
            jobs = pagination.cut(jobs)
        }
        let everything = segments.reduce(0) { $0 + $1.count }
        return Page(jobs: jobs, total: matched, totalIsExact: read >= everything)
    }
}
