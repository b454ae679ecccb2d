/// A date range whose stored data is incomplete, and the backfill that fills it (the data guide's first backfill step,
/// "identify missing date ranges").
public struct CoverageGap: Sendable, Equatable {
    /// What is missing.
    public enum Kind: String, Sendable, CaseIterable {
        /// Days without a single game, between days with games: more of them in a row than the sport rests
        /// (`quietDays`).
        case noGames = "no_games"
        /// Days whose games have no stored price at all.
        case missingOdds = "missing_odds"
        /// Days with games long started whose result was never stored.
        case missingResults = "missing_results"

        /// The `aips backfill --sources` that reload it.
        public var sources: [String] {
            switch self {
            case .noGames: ["games", "odds"]
            case .missingOdds: ["odds"]
            case .missingResults: ["games"]
            }
        }
    }

    public var kind: Kind
    /// The first and last day (Eastern, `YYYY-MM-DD`).
    public var from: String
    public var to: String
    /// Days in the range.
    public var days: Int
    /// Games concerned (none for `noGames`).
    public var games: Int

    public init(kind: Kind, from: String, to: String, days: Int, games: Int) {
        self.kind = kind
        self.from = from
        self.to = to
        self.days = days
        self.games = games
    }

    /// The most days in a row `sport` plays no game at all in season: a daily league rests three (the All-Star break
    /// is longer, and shows), a weekly one (football, soccer) ten.
    public static func quietDays(sport: String) -> Int {
        ["nba", "mlb", "nhl"].contains(sport) ? 3 : 10
    }

    /// The gaps in `coverage` (consecutive days, in order). Game-less days before the first day with games and after
    /// the last are not gaps (the season may start or end there) unless no day has a game at all; missing odds and
    /// results run across days without games and end at a day whose games are complete.
    public static func find(in coverage: [DailyCoverage], quietDays: Int) -> [CoverageGap] {
        guard let first = coverage.first, let last = coverage.last else { return [] }
        guard let firstPlayed = coverage.firstIndex(where: { $0.games > 0 }), let lastPlayed = coverage.lastIndex(where: { $0.games > 0 })
        else { return [CoverageGap(kind: .noGames, from: first.day, to: last.day, days: coverage.count, games: 0)] }
        var gaps: [CoverageGap] = []
        var quiet: Int?
        for index in firstPlayed...lastPlayed {
            if coverage[index].games == 0 {
                quiet = quiet ?? index
            } else if let start = quiet {
                if index - start > quietDays {
                    gaps.append(CoverageGap(kind: .noGames, from: coverage[start].day, to: coverage[index - 1].day, days: index - start, games: 0))
                }
                quiet = nil
            }
        }
        gaps += runs(.missingOdds, in: coverage, missing: \.withoutOdds)
        gaps += runs(.missingResults, in: coverage, missing: \.withoutResult)
        return gaps.sorted { ($0.from, $0.kind.rawValue) < ($1.from, $1.kind.rawValue) }
    }

    /// Runs of days whose games miss something (`missing` of them), joined across days without games.
    private static func runs(_ kind: Kind, in coverage: [DailyCoverage], missing: KeyPath<DailyCoverage, Int>) -> [CoverageGap] {
        var gaps: [CoverageGap] = []
        var open: (start: Int, end: Int, games: Int)?
        func close() {
            if let run = open {
                gaps.append(CoverageGap(kind: kind, from: coverage[run.start].day, to: coverage[run.end].day, days: run.end - run.start + 1, games: run.games))
            }
            open = nil
        }
        for (index, day) in coverage.enumerated() where day.games > 0 {
            let count = day[keyPath: missing]
            if count > 0 {
                open = (open?.start ?? index, index, (open?.games ?? 0) + count)
            } else {
                close()
            }
        }
        close()
        return gaps
    }
}
