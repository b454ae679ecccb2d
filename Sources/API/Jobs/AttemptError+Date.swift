import Foundation
import Queue

extension AttemptError {
    /// When the attempt failed (`at` is in milliseconds).
    var date: Date { Date(timeIntervalSince1970: Double(at) / 1000) }
}
