import Foundation

/// Reads football-data.co.uk's match CSV (one season of one division) into replay records.
///
/// Columns used: `Div` (`E0`, the Premier League, is the division served), `Date` (`dd/mm/yy` or
/// `dd/mm/yyyy`), `Time` (UK time; 15:00 when absent, as in older seasons), `HomeTeam`, `AwayTeam` (`HT`,
/// `AT` in the oldest files), `FTHG`, `FTAG`; and for each book in the file, decimal odds: 1X2 as
/// `B365H/B365D/B365A`, `PSH/PSD/PSA`, `AvgH/AvgD/AvgA` (and `BW`, `IW`, `WH`, `VC`, `BbAv`), over/under
/// 2.5 goals as `B365>2.5`/`B365<2.5`, `P>2.5`, `Avg>2.5`, and the Asian handicap `AHh` priced by
/// `B365AHH/B365AHA`, `PAHH/PAHA`, `AvgAHH/AvgAHA`. The averages stand in for books only in a match no book priced;
/// the maxima (`Max…`) and other columns are ignored. Team names
/// are turned into full club names (`Man United` → `Manchester United`).
///
/// Those are the pre-match prices, taken a day or two before the match: they are the book's opening lines.
/// Newer files also give closing prices, the same columns with a `C` after the book (`B365CH`, `PSCD`,
/// `AvgCA`, `B365C>2.5`, `PC<2.5`, `B365CAHH`, `PCAHA`) and the closing handicap line `AHCh`: they are the
/// closing lines the market moves to before the start, as a games CSV's columns without `_open` are. A book
/// that has only one of the two for a market (only pre-match prices, as every book of an older file) posts it
/// from the open to the start.
public struct FootballDataReader: Sendable {
    /// A book of football-data's columns: the prefix of its 1X2, totals and handicap columns and the
    /// bookmaker it is served as.
    private struct Book {
        let prefix: String
        let totalsPrefix: String?
        let key: String
        let title: String
        /// A figure over many books rather than one book's prices: served only for a match no book of the file
        /// priced, since nobody can bet at an average (and a maximum is never served: its sides come from different
        /// books, so together they often imply less than 100 %, an arbitrage no single book offers).
        var isAggregate = false

        /// Pinnacle's 1X2 columns are `PS…`, its handicap ones `P…`, as its totals' are.
        var handicapPrefix: String { prefix == "PS" ? "P" : prefix }
    }

    /// Which of a row's two sets of prices: the pre-match ones, or the closing ones (a `C` after the book).
    private enum Moment {
        case preMatch, closing

        /// What follows a book's prefix in this moment's column names.
        var infix: String { self == .closing ? "C" : "" }
        /// The column of the home side's Asian handicap line.
        var handicapColumn: String { self == .closing ? "AHCh" : "AHh" }
    }

    private static let books: [Book] = [
        Book(prefix: "B365", totalsPrefix: "B365", key: "bet365", title: "Bet365"),
        Book(prefix: "BW", totalsPrefix: nil, key: "bwin", title: "Bwin"),
        Book(prefix: "IW", totalsPrefix: nil, key: "interwetten", title: "Interwetten"),
        Book(prefix: "PS", totalsPrefix: "P", key: "pinnacle", title: "Pinnacle"),
        Book(prefix: "WH", totalsPrefix: nil, key: "williamhill", title: "William Hill"),
        Book(prefix: "VC", totalsPrefix: nil, key: "betvictor", title: "BetVictor"),
        Book(prefix: "Avg", totalsPrefix: "Avg", key: "market_average", title: "Market average", isAggregate: true),
        Book(prefix: "BbAv", totalsPrefix: "BbAv", key: "betbrain_average", title: "Betbrain average", isAggregate: true),
    ]

    /// football-data's short names and the full club names.
    static let clubNames: [String: String] = [
        "Man United": "Manchester United", "Man City": "Manchester City", "Tottenham": "Tottenham Hotspur",
        "Newcastle": "Newcastle United", "West Ham": "West Ham United", "Wolves": "Wolverhampton Wanderers",
        "Brighton": "Brighton and Hove Albion", "Nott'm Forest": "Nottingham Forest", "Leicester": "Leicester City",
        "Leeds": "Leeds United", "Norwich": "Norwich City", "Luton": "Luton Town", "Ipswich": "Ipswich Town",
        "West Brom": "West Bromwich Albion", "Cardiff": "Cardiff City", "Swansea": "Swansea City", "Stoke": "Stoke City",
        "Hull": "Hull City", "Huddersfield": "Huddersfield Town", "Sheffield Weds": "Sheffield Wednesday",
        "Sheffield United": "Sheffield United", "QPR": "Queens Park Rangers", "Birmingham": "Birmingham City",
        "Blackburn": "Blackburn Rovers", "Bolton": "Bolton Wanderers", "Wigan": "Wigan Athletic", "Derby": "Derby County",
    ]

    /// A reader.
    public init() {}

    /// The Premier League games of `text`; the first malformed row throws a `ReplayFileError` naming its line.
    public func read(_ text: String) throws -> [ReplayRecord] {
        let table = try CSVTable(text)
        try table.require(["Date", "FTHG", "FTAG"])
        guard table.columns["hometeam"] != nil || table.columns["ht"] != nil else {
            throw ReplayFileError(line: 1, "the header lacks the columns HomeTeam and AwayTeam")
        }
        return try table.rows.map(record)
    }

    private func record(_ row: CSVTable.Row) throws -> ReplayRecord {
        if let division = row["Div"], division != "E0" {
            throw ReplayFileError(line: row.line, "division \(division) is not served; only E0, the Premier League, is")
        }
        guard let home = row["HomeTeam"] ?? row["HT"], let away = row["AwayTeam"] ?? row["AT"] else {
            throw ReplayFileError(line: row.line, "HomeTeam or AwayTeam is empty")
        }
        guard home != away else { throw ReplayFileError(line: row.line, "home and away are both \"\(home)\"") }
        let date = try row.required("Date")
        let parts = date.split(separator: "/").map { Int($0) }
        // Two-digit years: 93 is 1993 (the first seasons football-data has), 24 is 2024.
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2],
            let startsAt = ReplayDates.start(
                year: year < 100 ? year + (year < 70 ? 2000 : 1900) : year, month: month, day: day, time: row["Time"] ?? "15:00",
                timeZone: "Europe/London")
        else {
            throw ReplayFileError(
                line: row.line, "Date \"\(date)\" with Time \"\(row["Time"] ?? "")\" is not dd/mm/yy or dd/mm/yyyy with an optional HH:MM")
        }
        let served = try Self.books.compactMap { book -> (book: Book, lines: ReplayLines)? in
            let preMatch = try markets(row, book, .preMatch)
            let closing = try markets(row, book, .closing)
            // A market the book closed moves there from its pre-match price; one it priced only once posts that price
            // throughout, as it did before the closing columns were read.
            var lines = ReplayLines(
                key: book.key, title: book.title, moneyline: closing.moneyline ?? preMatch.moneyline,
                spread: closing.spread ?? preMatch.spread,
                total: closing.total ?? preMatch.total)
            let opening = ReplayLines.Markets(
                moneyline: closing.moneyline == nil ? nil : preMatch.moneyline, spread: closing.spread == nil ? nil : preMatch.spread,
                total: closing.total == nil ? nil : preMatch.total)
            if !opening.isEmpty { lines.opening = opening }
            return lines.isEmpty ? nil : (book, lines)
        }
        let bookmakers = served.filter { !$0.book.isAggregate }
        let books = (bookmakers.isEmpty ? Array(served.prefix(1)) : bookmakers).map(\.lines)
        return ReplayRecord(
            line: row.line, league: .epl, startsAt: startsAt, home: Self.clubNames[home] ?? home, away: Self.clubNames[away] ?? away,
            homeScore: try row.score("FTHG"), awayScore: try row.score("FTAG"), books: books)
    }

    /// The 1X2, over/under 2.5 and Asian handicap prices `book` gives at `moment`, each market present only when
    /// the book priced all its sides.
    private func markets(_ row: CSVTable.Row, _ book: Book, _ moment: Moment) throws -> ReplayLines.Markets {
        var markets = ReplayLines.Markets()
        let prefix = book.prefix + moment.infix
        if let prices = try prices(row, [prefix + "H", prefix + "A", prefix + "D"]) {
            markets.moneyline = .init(home: prices[0], away: prices[1], draw: prices[2])
        }
        if let totalsPrefix = book.totalsPrefix.map({ $0 + moment.infix }),
            let prices = try prices(row, [totalsPrefix + ">2.5", totalsPrefix + "<2.5"])
        {
            markets.total = .init(point: 2.5, first: prices[0], second: prices[1])
        }
        let handicapPrefix = book.handicapPrefix + moment.infix
        if let handicap = row[moment.handicapColumn], let prices = try prices(row, [handicapPrefix + "AHH", handicapPrefix + "AHA"]) {
            guard let point = Double(handicap), point.isFinite else {
                throw ReplayFileError(line: row.line, "\(moment.handicapColumn) \"\(handicap)\" is not a number")
            }
            markets.spread = .init(point: point, first: prices[0], second: prices[1])
        }
        return markets
    }

    /// The decimal odds of `columns`, or `nil` when any is absent or empty (a book that did not price the game).
    private func prices(_ row: CSVTable.Row, _ columns: [String]) throws -> [Double]? {
        var prices: [Double] = []
        for column in columns {
            guard let value = row[column] else { return nil }
            guard let price = Double(value), price > 1 else {
                throw ReplayFileError(line: row.line, "\(column) \"\(value)\" is not decimal odds")
            }
            prices.append(price)
        }
        return prices
    }
}
