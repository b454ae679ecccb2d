import Foundation
import Logging
import Synchronization
import Testing
@testable import Queue

@Suite struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    @Test func eachLineIsOneJSONObjectWithMetadataAsFields() throws {
        let captured = Lines()
        var logger = Logger(label: "aips.worker") { label in
            JSONLogHandler(label: label, level: .debug) { line in captured.lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "job_id"] = "01M89SHZATMQC4WNC22CPXA8XS"
        logger.info("job attempt failed", metadata: ["error": "quote \" and\nnewline", "attempt": "2"])
        logger.trace("not at this level")
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix("\n") && !lines[0].dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "job attempt failed")
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "aips.worker")
        #expect(object["job_id"] as? String == "01M89SHZATMQC4WNC22CPXA8XS")
        #expect(object["error"] as? String == "quote \" and\nnewline")
        #expect(object["ts"] is String)
    }
}
