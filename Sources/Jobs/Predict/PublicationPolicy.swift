import Foundation
import Store

/// When predictions are published: when a game's market opens, and again at an hour on game day.
///
/// A game is published at **open** by the first prediction run that sees a price for it, and again on
/// **game day** by the first run at or after `gameDayHour` o'clock in `timeZone` (US Eastern by default) on
/// the game's local day — but no later than `gameDayLeadTime` before the start, so a game starting before that
/// hour still gets it. A run makes at most one publication of a game's market: a market first priced after
/// the game-day hour is published at open, and on game day by the next run. Publications are immutable: a
/// later run adds the next one as a new row and never rewrites an earlier one.
public struct PublicationPolicy: Sendable, Equatable {
    /// The hour (0–23, in `timeZone`) of the game-day publication; default 10.
    public var gameDayHour: Int
    /// The zone of the game day; default America/New_York.
    public var timeZone: TimeZone
    /// The game-day publication is due at least this long before the start; default 2 hours.
    public var gameDayLeadTime: TimeInterval

    /// 10:00 US Eastern on game day.
    public static let standard = PublicationPolicy()

    /// A policy publishing on game day at `gameDayHour` o'clock in `timeZone`.
    public init(gameDayHour: Int = 10, timeZone: TimeZone = TimeZone(identifier: "America/New_York")!, gameDayLeadTime: TimeInterval = 7_200) {
        self.gameDayHour = min(23, max(0, gameDayHour))
        self.timeZone = timeZone
        self.gameDayLeadTime = gameDayLeadTime
    }

    /// When the game-day publication of a game starting at `start` falls due.
    public func gameDayPublication(gameStart start: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.startOfDay(for: start)
        let hour = calendar.date(bySettingHour: gameDayHour, minute: 0, second: 0, of: day) ?? day
        return min(hour, start.addingTimeInterval(-gameDayLeadTime))
    }

    /// The publication a run at `at` makes of a game starting at `start`, given those already made; `nil` when
    /// none is due (both made, or game day not yet reached, or the game has started).
    public func due(at: Date, gameStart start: Date, published: Set<PredictionPublication>) -> PredictionPublication? {
        guard at < start else { return nil }
        if !published.contains(.open) { return .open }
        if !published.contains(.gameDay), at >= gameDayPublication(gameStart: start) { return .gameDay }
        return nil
    }
}
