import Foundation

/// A world replayed from historical games: each is scheduled before its start, live (its score growing
/// toward the final) until the start plus the league's usual duration, then final with the file's score;
/// its lines are quoted from when the market opens until the start, moving from the file's opening lines
/// to its closing ones when it has both.
///
/// NBA and MLB teams are the sandbox leagues' franchises, found by The Odds API's name (or ESPN's); soccer
/// teams are made from the names in the file.
public struct ReplayWorld: GameWorld {
    /// The games, in start order.
    public let games: [ReplayGame]
    /// The leagues with at least one game.
    public let leagues: [ServedLeague]
    /// How long before the start the file's lines are posted.
    public let marketOpensBeforeStart: TimeInterval
    private let byDay: [DayKey: [ReplayGame]]

    private struct DayKey: Hashable {
        let league: String
        let day: Int
    }

    /// A world of `records`; an unknown NBA/MLB team or a game listed twice throws a `ReplayFileError`
    /// naming its line.
    public init(records: [ReplayRecord], marketOpensBeforeStart: TimeInterval = 48 * 3600) throws {
        self.marketOpensBeforeStart = marketOpensBeforeStart
        // Soccer clubs change every season (promotion and relegation), so a replayed league names its own clubs.
        let directories = Dictionary(
            uniqueKeysWithValues: SandboxSport.allCases.filter { !$0.league.hasDraw }.map { ($0.league, TeamLookup(SandboxLeague(sport: $0))) })
        let soccer = Self.soccerTeams(records.filter { directories[$0.league] == nil })
        func team(_ name: String, _ record: ReplayRecord) throws -> SandboxTeam {
            if let directory = directories[record.league] {
                guard let team = directory.team(named: name) else {
                    throw ReplayFileError(
                        line: record.line,
                        "unknown \(record.league.code.uppercased()) team \"\(name)\"; use The Odds API's name, e.g. \"\(directory.example)\""
                    )
                }
                return team
            }
            return soccer[name]!
        }
        let ordered = records.sorted { ($0.startsAt, $0.line) < ($1.startsAt, $1.line) }
        var seen: [String: Int] = [:]
        var games: [ReplayGame] = []
        for (index, record) in ordered.enumerated() {
            let key = "\(record.league.code)|\(record.home)|\(record.startsAt.timeIntervalSince1970)"
            if let first = seen[key] {
                throw ReplayFileError(line: record.line, "repeats the game of line \(first) (same league, home team and start)")
            }
            seen[key] = record.line
            games.append(
                ReplayGame(
                    league: record.league, home: try team(record.home, record), away: try team(record.away, record),
                    startsAt: record.startsAt, endsAt: record.startsAt.addingTimeInterval(record.league.duration),
                    espnID: String(800_000_000 + index), oddsAPIID: Self.oddsAPIID(key + "|\(record.away)"), homeScore: record.homeScore,
                    awayScore: record.awayScore, books: record.books.filter { !$0.isEmpty }, line: record.line))
        }
        self.games = games
        leagues = ServedLeague.all.filter { league in games.contains { $0.league == league } }
        let calendar = EasternCalendar()
        byDay = Dictionary(grouping: games) { DayKey(league: $0.league.code, day: calendar.day(of: $0.startsAt)) }
    }

    /// The world of the file at `url`, read in `format`.
    public init(contentsOf url: URL, format: ReplayFormat, marketOpensBeforeStart: TimeInterval = 48 * 3600) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReplayFileError(line: 0, "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw ReplayFileError(line: 0, "\(url.path) is not text")
        }
        try self.init(records: format.read(text), marketOpensBeforeStart: marketOpensBeforeStart)
    }

    /// The first game's start.
    public var firstStart: Date? { games.first?.startsAt }

    public func games(of league: ServedLeague, onEasternDate yyyymmdd: String) -> [ReplayGame]? {
        EasternCalendar().day(yyyymmdd: yyyymmdd).map { byDay[DayKey(league: league.code, day: $0)] ?? [] }
    }

    public func games(of league: ServedLeague, startingIn range: Range<Date>) -> [ReplayGame] {
        games.filter { $0.league == league && range.contains($0.startsAt) }
    }

    /// Scheduled before the start, final with the file's score from `endsAt`, and in between a score that
    /// grows in proportion to the time played.
    public func progress(of game: ReplayGame, at now: Date) -> GameProgress {
        guard now >= game.startsAt else { return GameProgress(phase: .scheduled, homeScore: 0, awayScore: 0, period: 0) }
        let periods = game.league.periods
        guard now < game.endsAt else {
            return GameProgress(phase: .final, homeScore: game.homeScore, awayScore: game.awayScore, period: periods)
        }
        let fraction = now.timeIntervalSince(game.startsAt) / game.endsAt.timeIntervalSince(game.startsAt)
        return GameProgress(
            phase: .live, homeScore: Int(Double(game.homeScore) * fraction), awayScore: Int(Double(game.awayScore) * fraction),
            period: min(periods, 1 + Int(fraction * Double(periods))))
    }

    /// How long before the start a replayed market reaches the file's closing lines.
    public static let closingLinesBeforeStart: TimeInterval = 90 * 60

    /// The file's lines from the market's open to the start, in whichever region is asked for: the opening
    /// lines at the open, moving toward the closing lines and reaching them `closingLinesBeforeStart` before
    /// the start (a file without opening lines posts its closing lines throughout).
    ///
    /// The books re-post on the hour, each post priced for its hour: a collector then keeps recent prices,
    /// and the closing line (the last prices before the start) is the file's closing line.
    public func quotes(_ game: ReplayGame, regions: [String], at time: Date) -> [BookQuote] {
        let untilStart = game.startsAt.timeIntervalSince(time)
        guard untilStart > 0, untilStart <= marketOpensBeforeStart else { return [] }
        let hour = Date(timeIntervalSince1970: (time.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600)
        let opensAt = game.startsAt.addingTimeInterval(-marketOpensBeforeStart)
        let posted = max(hour, opensAt)
        let window = marketOpensBeforeStart - Self.closingLinesBeforeStart
        let progress = window > 0 ? min(1, posted.timeIntervalSince(opensAt) / window) : 1
        return game.books.map { book in
            let lines = book.markets(at: progress)
            var markets: Set<String> = []
            if lines.moneyline != nil { markets.insert("h2h") }
            if lines.spread != nil { markets.insert("spreads") }
            if lines.total != nil { markets.insert("totals") }
            return BookQuote(
                bookmaker: Bookmaker(key: book.key, title: book.title, region: regions.first ?? "us", vig: 0, noise: 0),
                lastUpdate: posted, homePrice: lines.moneyline?.home ?? 0, awayPrice: lines.moneyline?.away ?? 0,
                spread: lines.spread?.point ?? 0, spreadPrices: (lines.spread?.first ?? 0, lines.spread?.second ?? 0),
                total: lines.total?.point ?? 0, totalPrices: (lines.total?.first ?? 0, lines.total?.second ?? 0),
                drawPrice: lines.moneyline?.draw, markets: markets)
        }
    }

    /// Teams for the soccer clubs named in `records`, numbered in name order.
    private static func soccerTeams(_ records: [ReplayRecord]) -> [String: SandboxTeam] {
        let names = Set(records.flatMap { [$0.home, $0.away] }).sorted()
        return Dictionary(
            uniqueKeysWithValues: names.enumerated().map { index, name in
                let letters = name.uppercased().filter(\.isLetter)
                let team = SandboxTeam(
                    espnID: String(9_000 + index), abbreviation: String(letters.prefix(3)), location: name, nickname: name,
                    espnName: name, oddsAPIName: name,
                    venue: SandboxVenue(
                        name: "\(name) ground", city: "", state: "", latitude: 0, longitude: 0, timeZone: "Europe/London", isIndoor: false))
                return (name, team)
            })
    }

    /// A stable 32-hex-digit id for `key` (two FNV-1a hashes).
    private static func oddsAPIID(_ key: String) -> String {
        func fnv(_ basis: UInt64) -> UInt64 {
            key.utf8.reduce(basis) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        return String(format: "%016llx%016llx", fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4))
    }
}

/// A league's teams by The Odds API's and ESPN's names, case-insensitive.
private struct TeamLookup: Sendable {
    private let teams: [String: SandboxTeam]
    let example: String

    init(_ league: SandboxLeague) {
        var teams: [String: SandboxTeam] = [:]
        for team in league.teams {
            teams[team.espnName.lowercased()] = team
            teams[team.oddsAPIName.lowercased()] = team
        }
        self.teams = teams
        example = league.teams.first { $0.espnName != $0.oddsAPIName }?.oddsAPIName ?? league.teams[0].oddsAPIName
    }

    func team(named name: String) -> SandboxTeam? {
        teams[name.lowercased()]
    }
}
