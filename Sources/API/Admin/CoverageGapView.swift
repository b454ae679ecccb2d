import Store

/// A date range of a sport whose stored data is incomplete, with the command that reloads it.
struct CoverageGapView: Encodable, Sendable {
    var sport: String
    /// `no_games`, `missing_odds` or `missing_results`.
    var kind: String
    var from: String
    var to: String
    var days: Int
    var games: Int
    var backfillCommand: String

    init(_ gap: CoverageGap, sport: String) {
        self.sport = sport
        kind = gap.kind.rawValue
        from = gap.from
        to = gap.to
        days = gap.days
        games = gap.games
        backfillCommand =
            "aips backfill --from \(gap.from) --to \(gap.to) --sports \(sport) --sources \(gap.kind.sources.joined(separator: ","))"
    }
}
