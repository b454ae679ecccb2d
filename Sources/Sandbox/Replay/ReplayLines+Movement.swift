import Foundation

extension ReplayLines {
    /// The book's lines at `progress` of the way from the open (0) to the close (1): the file's opening
    /// prices at 0, its closing prices at 1 and from there on, and in between prices whose no-vig
    /// probabilities and overround move in a straight line from the open's to the close's. A spread or
    /// total whose point moved keeps the opening point and prices until halfway, then takes the closing
    /// ones (a line moves by whole points, not by fractions of one).
    ///
    /// A market the file gives no opening line for, in a book it gives opening lines for, is posted only once
    /// the book reaches its close. Posted from the open, its closing prices told anyone reading the market at
    /// the open where the close would be: the MLB file's run line (closing prices only) carried the closing
    /// moneyline, and models fitted at the open found it (a monthly model's walk-forward picks beat the fair
    /// close by +5 %, where public results alone lose to it). A book with no opening line at all posts its
    /// lines throughout: a file of closing (or pre-match) prices only, published at the close.
    func markets(at progress: Double) -> Markets {
        let closing = Markets(moneyline: moneyline, spread: spread, total: total)
        guard let opening, progress < 1 else { return closing }
        var moved = Markets()
        if let open = opening.moneyline, let close = moneyline {
            let prices = Self.interpolated(
                from: [open.home, open.away] + (open.draw.map { [$0] } ?? []),
                to: [close.home, close.away] + (close.draw.map { [$0] } ?? []), progress)
            moved.moneyline = prices.map { Moneyline(home: $0[0], away: $0[1], draw: $0.count > 2 ? $0[2] : nil) } ?? open
        }
        moved.spread = Self.line(from: opening.spread, to: spread, progress)
        moved.total = Self.line(from: opening.total, to: total, progress)
        return moved
    }

    private static func line(from open: Line?, to close: Line?, _ progress: Double) -> Line? {
        guard let open, let close else { return nil }
        guard open.point == close.point else { return progress < 0.5 ? open : close }
        return interpolated(from: [open.first, open.second], to: [close.first, close.second], progress)
            .map { Line(point: close.point, first: $0[0], second: $0[1]) } ?? open
    }

    /// Decimal prices `progress` of the way from `open` to `close` in no-vig probability and overround,
    /// rounded to the cent; the exact `open` at 0. `nil` when the two do not price the same outcomes.
    private static func interpolated(from open: [Double], to close: [Double], _ progress: Double) -> [Double]? {
        guard open.count == close.count else { return nil }
        guard progress > 0 else { return open }
        let (openImplied, closeImplied) = (open.map { 1 / $0 }, close.map { 1 / $0 })
        let (openSum, closeSum) = (openImplied.reduce(0, +), closeImplied.reduce(0, +))
        let overround = openSum + (closeSum - openSum) * progress
        return zip(openImplied, closeImplied).map { openShare, closeShare in
            let fair = openShare / openSum + (closeShare / closeSum - openShare / openSum) * progress
            return max(1.01, (100 / (fair * overround)).rounded() / 100)
        }
    }
}
