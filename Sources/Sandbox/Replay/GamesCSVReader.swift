import Foundation

/// Reads the platform's games CSV into replay records.
///
/// Columns (by header name, any order, case-insensitive):
/// - `date`: an ISO 8601 start (`2026-05-09T23:10:00Z`), or `YYYY-MM-DD` with the start in an optional
///   `time` column (`HH:MM`, local to the league: US Eastern for NBA and MLB, UK time for the EPL;
///   19:00 / 15:00 when absent);
/// - `sport`: `nba`, `mlb` (or `epl`);
/// - `home`, `away`: team names as The Odds API spells them;
/// - `home_score`, `away_score`: the final score;
/// - optional lines, American prices: `home_moneyline`, `away_moneyline` (and `draw_moneyline` for soccer),
///   `spread` (the home team's line) with `home_spread_price` / `away_spread_price`, `total` with
///   `over_price` / `under_price`; a missing spread or total price is the standard −110. These are the
///   closing lines;
/// - optional opening lines, the same columns with `_open` (`home_moneyline_open`, `away_moneyline_open`,
///   `spread_open`, `home_spread_price_open`, `total_open`, `over_price_open`, …): the market posts them
///   when it opens and moves to the closing lines before the start. In a file with opening lines, a market
///   without them is posted only from the close: its closing prices at the open would tell where the close goes.
///
/// The lines are served as one bookmaker, `replay`.
public struct GamesCSVReader: Sendable {
    /// A reader.
    public init() {}

    /// The games of `text`; the first malformed row throws a `ReplayFileError` naming its line.
    public func read(_ text: String) throws -> [ReplayRecord] {
        let table = try CSVTable(text)
        try table.require(["date", "sport", "home", "away", "home_score", "away_score"])
        return try table.rows.map(record)
    }

    private func record(_ row: CSVTable.Row) throws -> ReplayRecord {
        let sportCode = try row.required("sport").lowercased()
        guard let league = ServedLeague.named(sportCode) else {
            let known = ServedLeague.all.map(\.code).joined(separator: ", ")
            throw ReplayFileError(line: row.line, "sport \"\(sportCode)\" is not one of \(known)")
        }
        let startsAt = try start(row, league: league)
        let home = try row.required("home")
        let away = try row.required("away")
        guard home != away else { throw ReplayFileError(line: row.line, "home and away are both \"\(home)\"") }
        let closing = try markets(row, league: league, suffix: "")
        let opening = try markets(row, league: league, suffix: "_open")
        let unclosed = [
            ("home_moneyline", opening.moneyline != nil && closing.moneyline == nil), ("spread", opening.spread != nil && closing.spread == nil),
            ("total", opening.total != nil && closing.total == nil),
        ]
        if let (column, _) = unclosed.first(where: \.1) {
            throw ReplayFileError(line: row.line, "\(column)_open needs the closing \(column) as well")
        }
        var lines = ReplayLines(key: "replay", title: "Replay", moneyline: closing.moneyline, spread: closing.spread, total: closing.total)
        if !opening.isEmpty { lines.opening = opening }
        return ReplayRecord(
            line: row.line, league: league, startsAt: startsAt, home: home, away: away, homeScore: try row.score("home_score"),
            awayScore: try row.score("away_score"), books: lines.isEmpty ? [] : [lines])
    }

    /// The moneyline, spread and total of the columns named with `suffix` (`""` for the closing lines,
    /// `"_open"` for the opening ones).
    private func markets(_ row: CSVTable.Row, league: ServedLeague, suffix: String) throws -> ReplayLines.Markets {
        var lines = ReplayLines.Markets()
        let homeMoneyline = try american(row, "home_moneyline" + suffix)
        let awayMoneyline = try american(row, "away_moneyline" + suffix)
        let drawMoneyline = try american(row, "draw_moneyline" + suffix)
        switch (homeMoneyline, awayMoneyline) {
        case (let home?, let away?):
            if league.hasDraw && drawMoneyline == nil {
                throw ReplayFileError(line: row.line, "a soccer moneyline needs draw_moneyline\(suffix) as well")
            }
            lines.moneyline = .init(home: home, away: away, draw: league.hasDraw ? drawMoneyline : nil)
        case (nil, nil): break
        default:
            throw ReplayFileError(line: row.line, "home_moneyline\(suffix) and away_moneyline\(suffix) go together; one is empty")
        }
        if let spread = try number(row, "spread" + suffix) {
            lines.spread = .init(
                point: spread, first: try american(row, "home_spread_price" + suffix) ?? ReplayLines.standardPrice,
                second: try american(row, "away_spread_price" + suffix) ?? ReplayLines.standardPrice)
        }
        if let total = try number(row, "total" + suffix) {
            guard total > 0 else { throw ReplayFileError(line: row.line, "total\(suffix) \(total) is not positive") }
            lines.total = .init(
                point: total, first: try american(row, "over_price" + suffix) ?? ReplayLines.standardPrice,
                second: try american(row, "under_price" + suffix) ?? ReplayLines.standardPrice)
        }
        return lines
    }

    private func start(_ row: CSVTable.Row, league: ServedLeague) throws -> Date {
        let date = try row.required("date")
        if date.contains("T") {
            guard let start = try? Date(date, strategy: .iso8601) else {
                throw ReplayFileError(line: row.line, "date \"\(date)\" is not ISO 8601 (2026-05-09T23:10:00Z) nor YYYY-MM-DD")
            }
            return start
        }
        let local = league == .epl ? "Europe/London" : "America/New_York"
        guard let start = ReplayDates.start(ymd: date, time: row["time"], timeZone: local, defaultTime: league == .epl ? "15:00" : "19:00")
        else {
            throw ReplayFileError(
                line: row.line, "date \"\(date)\" with time \"\(row["time"] ?? "")\" is not YYYY-MM-DD with an optional HH:MM time")
        }
        return start
    }

    private func number(_ row: CSVTable.Row, _ column: String) throws -> Double? {
        guard let value = row[column] else { return nil }
        guard let number = Double(value), number.isFinite else {
            throw ReplayFileError(line: row.line, "\(column) \"\(value)\" is not a number")
        }
        return number
    }

    /// An American price as decimal.
    private func american(_ row: CSVTable.Row, _ column: String) throws -> Double? {
        guard let value = try number(row, column) else { return nil }
        guard let decimal = BookQuote.decimal(american: value) else {
            throw ReplayFileError(line: row.line, "\(column) \(row[column]!) is not an American price (at most −100 or at least +100)")
        }
        return decimal
    }
}
