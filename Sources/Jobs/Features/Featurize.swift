import Foundation
import Queue

/// `featurize`: point-in-time features of one sport's games (or every configured sport's) into `game_features`.
///
/// Without `from`/`to` it features the games starting in the next 48 hours as of now, for predictions. With
/// both it features every game scheduled in `from..<to` as of `lead_minutes` (default 60) before its start,
/// so each stored row sees only what was known then: training data. With `at_open` instead of a lead, each game is
/// featured as of its market's open (`openingSpan` after its first price), the point a forecast is first published
/// at, so the learners also train on what they will see then.
///
/// ```json
/// {"sport": "nba", "from": "2026-01-01T00:00:00Z", "to": "2026-05-01", "lead_minutes": 60}
/// ```
public struct Featurize: JobParameters, Equatable {
    public static let jobType = "featurize"
    public static let defaultQueue = "features"
    /// The most days one history run may cover.
    public static let maximumDays = 400
    /// How far ahead a run without a range looks for games.
    public static let upcomingWindow: TimeInterval = 48 * 3600

    /// `nba` or `mlb`; `nil`: every configured sport that has features.
    public var sport: String?
    /// The first scheduled start of a history run: an ISO 8601 UTC instant (`…Z`) or a day (`YYYY-MM-DD`, UTC).
    public var from: String?
    /// The end (exclusive) of a history run, in the same forms.
    public var to: String?
    /// Minutes before a game's start its history features are computed as of; default 60.
    public var leadMinutes: Int?
    /// A history run: each game as of its market's open instead of `lead_minutes` before its start; a game without a
    /// price is skipped.
    public var atOpen: Bool?

    /// How long after a game's first price its opening features are computed as of: every book's opening price of a
    /// poll, or of a historical snapshot, is in by then.
    public static let openingSpan: TimeInterval = 3600

    enum CodingKeys: String, CodingKey {
        case sport, from, to
        case leadMinutes = "lead_minutes"
        case atOpen = "at_open"
    }

    /// Parameters for upcoming games (no range) or for a history run over `from..<to`.
    public init(sport: String?, from: Date? = nil, to: Date? = nil, leadMinutes: Int? = nil, atOpen: Bool? = nil) {
        self.sport = sport
        self.from = from.map(UpstreamTime.isoSeconds)
        self.to = to.map(UpstreamTime.isoSeconds)
        self.leadMinutes = leadMinutes
        self.atOpen = atOpen
    }

    /// The history range, or `nil` for upcoming games.
    public var range: Range<Date>? {
        guard let from = from.flatMap(Self.date), let to = to.flatMap(Self.date), from < to else { return nil }
        return from..<to
    }

    /// The lead in effect.
    public var lead: TimeInterval { Double(leadMinutes ?? 60) * 60 }

    public func validate() throws {
        if let sport, !FeatureCatalog.sports.contains(sport) {
            throw QueueError(
                .invalidRequest, "sport: \"\(sport.prefix(40))\" has no features (known: \(FeatureCatalog.sports.joined(separator: ", ")))")
        }
        for (name, text) in [("from", from), ("to", to)] {
            if let text, Self.date(text) == nil {
                throw QueueError(.invalidRequest, "\(name): \"\(text.prefix(40))\" is neither an ISO 8601 UTC instant (…Z) nor YYYY-MM-DD")
            }
        }
        switch (from, to) {
        case (nil, nil):
            break
        case (.some, .some):
            guard let range else { throw QueueError(.invalidRequest, "from must be before to") }
            guard range.upperBound.timeIntervalSince(range.lowerBound) <= Double(Self.maximumDays) * 86_400 else {
                throw QueueError(.invalidRequest, "from..to covers at most \(Self.maximumDays) days per job")
            }
        default:
            throw QueueError(.invalidRequest, "from and to go together: both for a history run, neither for upcoming games")
        }
        if let leadMinutes, !(0...10_080).contains(leadMinutes) {
            throw QueueError(.invalidRequest, "lead_minutes must be 0…10080 (got \(leadMinutes))")
        }
        if atOpen == true {
            guard range != nil else { throw QueueError(.invalidRequest, "at_open is for a history run: give from and to") }
            guard leadMinutes == nil else { throw QueueError(.invalidRequest, "at_open and lead_minutes exclude each other") }
        }
    }

    private static func date(_ text: String) -> Date? {
        UpstreamTime.instant(text) ?? (text.count == 10 ? UpstreamTime.local(text + "T00:00", utcOffsetSeconds: 0) : nil)
    }
}
