import Foundation
import Logging
import Queue

/// Configures swift-log once per process: level from `LOG_LEVEL` (default info), and
/// `LOG_FORMAT=json` for one JSON object per line (job ids, worker and queue as fields).
enum LoggingSetup {
    static func bootstrap() {
        let environment = ProcessInfo.processInfo.environment
        let level = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        if environment["LOG_FORMAT"] == "json" {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
