import Foundation

extension SimulatedGame: WorldGame {
    /// The league of the game's sport.
    public var league: ServedLeague { sport.league }
}

extension SandboxWorld: GameWorld {
    /// The leagues of the simulated sports.
    public var leagues: [ServedLeague] { sports.map(\.league) }

    /// The games of `league` on an Eastern day; no games for a league the simulator does not play.
    public func games(of league: ServedLeague, onEasternDate yyyymmdd: String) -> [SimulatedGame]? {
        guard let sport = SandboxSport(league: league) else { return EasternCalendar().day(yyyymmdd: yyyymmdd).map { _ in [] } }
        return games(sport, onEasternDate: yyyymmdd)
    }

    /// The games of `league` starting in `range`.
    public func games(of league: ServedLeague, startingIn range: Range<Date>) -> [SimulatedGame] {
        SandboxSport(league: league).map { games($0, startingIn: range) } ?? []
    }

    /// The quotes of the simulated books of `regions`.
    public func quotes(_ game: SimulatedGame, regions: [String], at time: Date) -> [BookQuote] {
        quotes(game, bookmakers: Bookmaker.all.filter { regions.contains($0.region) }, at: time)
    }
}
