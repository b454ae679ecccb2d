import Queue
import Testing

extension JobQueue {
    /// Enqueues `requests` on `queueName` and waits until every one has succeeded; a dead or cancelled job, or one
    /// still unfinished after `timeout`, fails the test. The pipeline tests drive their stages one after another this way.
    /// Returns the succeeded jobs' records, in the order of `requests`.
    @discardableResult
    func runToSuccess(_ requests: [JobRequest], on queueName: String, timeout: Duration) async throws -> [JobRecord] {
        var records: [JobRecord] = []
        let enqueued = try await enqueue(requests.map { var request = $0; request.queue = queueName; return request })
        let deadline = ContinuousClock.now + timeout
        for request in enqueued {
            while true {
                let record = try #require(try await job(request.id))
                if record.state == .succeeded {
                    records.append(record)
                    break
                }
                try #require(![.dead, .cancelled].contains(record.state), "\(record.type): \(record.errors)")
                try #require(ContinuousClock.now < deadline, "\(record.type) still \(record.state)")
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        return records
    }
}
