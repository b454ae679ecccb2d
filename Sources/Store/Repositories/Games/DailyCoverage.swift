/// What is stored of one sport's games on one Eastern day: the input of `CoverageGap.find`.
public struct DailyCoverage: Sendable, Equatable {
    /// The Eastern day, `YYYY-MM-DD`.
    public var day: String
    /// Games scheduled that day, cancelled and postponed ones included.
    public var games: Int
    /// Games of the day without a single stored price.
    public var withoutOdds: Int
    /// Games that started at least six hours before the as-of and are neither final, cancelled nor postponed: their
    /// result was never collected.
    public var withoutResult: Int

    public init(day: String, games: Int, withoutOdds: Int = 0, withoutResult: Int = 0) {
        self.day = day
        self.games = games
        self.withoutOdds = withoutOdds
        self.withoutResult = withoutResult
    }
}
