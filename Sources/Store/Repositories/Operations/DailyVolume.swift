import Foundation

/// How many rows one table received on one UTC day.
public struct DailyVolume: Sendable, Equatable {
    /// The table.
    public var table: String
    /// The day (UTC midnight).
    public var day: Date
    /// Rows created that day.
    public var rows: Int

}
