import Foundation
import Queue

/// `collect.weather`: the weather at the venue of each outdoor game of a sport — the forecast for upcoming
/// games, or, given a past range of days (`from`/`to`, for a backfill), Open-Meteo's archive.
///
/// ```json
/// {"sport": "mlb", "hoursAhead": 48}
/// {"sport": "mlb", "from": "2026-04-01", "to": "2026-04-07", "isBackfill": true}
/// ```
public struct CollectWeather: JobParameters, Equatable {
    public static let jobType = "collect.weather"
    public static let defaultQueue = "collect"
    /// The longest range one archive job covers (one request per venue spans it).
    public static let maximumArchiveDays = 31

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// How far ahead to look for games, hours (default 48, at most 384: Open-Meteo forecasts 16 days).
    /// Forecast runs only; not allowed with `from`/`to`.
    public var hoursAhead: Int?
    /// For a past range: the first Eastern calendar day (`YYYY-MM-DD`), the days ESPN files games under, as
    /// `collect.games`' `dates`. With `to`, the run reads the archive instead of the forecast.
    public var from: String?
    /// The last Eastern day of the range, inclusive; it must lie before the collector's today.
    public var to: String?
    /// True when loaded by a backfill (raw payloads are stored with `is_backfill`).
    public var isBackfill: Bool?

    /// Parameters for games in the next `hoursAhead` hours.
    public init(sport: String?, hoursAhead: Int = 48) {
        self.sport = sport
        self.hoursAhead = hoursAhead
    }

    /// Parameters for the games of the Eastern days `from`…`to` (`YYYY-MM-DD`), from the archive.
    public init(sport: String?, from: String, to: String, isBackfill: Bool = true) {
        self.sport = sport
        self.from = from
        self.to = to
        self.isBackfill = isBackfill
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        if let hoursAhead, !(1...384).contains(hoursAhead) { throw QueueError(.invalidRequest, "hoursAhead must be 1…384") }
        guard from != nil || to != nil else { return }
        guard hoursAhead == nil else {
            throw QueueError(.invalidRequest, "hoursAhead is for forecasts; a from/to range reads the archive")
        }
        guard let range = archiveRange else {
            throw QueueError(
                .invalidRequest, "from and to must both be YYYY-MM-DD (got \(from?.prefix(20) ?? "none")…\(to?.prefix(20) ?? "none"))")
        }
        guard range.lowerBound < range.upperBound,
            range.upperBound.timeIntervalSince(range.lowerBound) <= Double(Self.maximumArchiveDays) * 86_400 + 3600
        else {
            throw QueueError(.invalidRequest, "from…to must run forward and cover at most \(Self.maximumArchiveDays) days")
        }
    }

    /// The instants from Eastern midnight of `from` to Eastern midnight after `to`, when both are days.
    var archiveRange: Range<Date>? {
        guard let from, let to, let start = UpstreamTime.easternMidnight(from), let last = UpstreamTime.easternMidnight(to),
            let end = UpstreamTime.easternMidnight(after: last)
        else { return nil }
        return start..<end
    }
}
