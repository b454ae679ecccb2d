/// How many of a team's players were on its injury list at a game's point in time, by status.
public struct TeamInjuryCount: Sendable, Equatable {
    /// The game the count was asked for.
    public var gameID: Int
    /// The team (the game's home or away team).
    public var teamID: Int
    /// Players ruled out: every status but day-to-day (`Out`, `10-Day-IL`, `60-Day-IL`, `Suspension`, …).
    public var out: Int
    /// Players listed day-to-day.
    public var dayToDay: Int

    /// Creates a count.
    public init(gameID: Int, teamID: Int, out: Int, dayToDay: Int) {
        self.gameID = gameID
        self.teamID = teamID
        self.out = out
        self.dayToDay = dayToDay
    }
}
