import Foundation
import Logging
import Synchronization
import Testing
@testable import Queue

@Suite struct JobLogHandlerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    /// A worker's logger with `worker` metadata, and the job's laid over it.
    func jobLogger(_ captured: Lines) -> Logger {
        var worker = Logger(label: "aips.worker") { label in
            JSONLogHandler(label: label, level: .info) { line in captured.lines.withLock { $0.append(line) } }
        }
        worker[metadataKey: "worker"] = "w1"
        worker[metadataKey: "queue"] = "default"
        var logger = worker
        logger.handler = JobLogHandler(base: worker.handler, metadata: ["job_id": "J1", "queue": "fast"])
        return logger
    }

    func fields(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aLineCarriesTheWorkersMetadataTheJobsOverItAndTheCallsOverBoth() throws {
        let captured = Lines()
        var logger = jobLogger(captured)
        logger[metadataKey: "step"] = "fetch"
        logger.info("fetched", metadata: ["step": "parse"])
        logger.debug("below the level")
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 1)
        let line = try fields(lines[0])
        #expect(line["worker"] as? String == "w1")
        #expect(line["job_id"] as? String == "J1")
        #expect(line["queue"] as? String == "fast")
        #expect(line["step"] as? String == "parse")
        #expect(logger[metadataKey: "step"] == "fetch")
        #expect(logger.logLevel == .info)
    }

    @Test func aRemovedKeyIsGoneThoughTheWorkersHandlerHadIt() throws {
        let captured = Lines()
        var logger = jobLogger(captured)
        logger[metadataKey: "worker"] = nil
        logger[metadataKey: "job_id"] = nil
        #expect(logger[metadataKey: "worker"] == nil)
        #expect(logger.handler.metadata.keys.sorted() == ["queue"])
        logger.info("done")
        let line = try fields(try #require(captured.lines.withLock { $0.first }))
        #expect(line["worker"] == nil && line["job_id"] == nil)
        #expect(line["queue"] as? String == "fast")

        logger.handler.metadata = ["only": "this"]
        logger.info("again")
        let again = try fields(try #require(captured.lines.withLock { $0.last }))
        #expect(again["only"] as? String == "this")
        #expect(again["queue"] == nil)
    }
}
