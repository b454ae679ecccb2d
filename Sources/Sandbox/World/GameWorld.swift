import Foundation

/// What the served endpoints read from a world, simulated or replayed: its leagues, the games on a day or
/// in a span, where a game stands at a moment, and the books' quotes at a moment.
public protocol GameWorld: Sendable {
    /// The kind of game the world holds.
    associatedtype Game: WorldGame

    /// The leagues served.
    var leagues: [ServedLeague] { get }
    /// How long before the start books first post lines.
    var marketOpensBeforeStart: TimeInterval { get }
    /// The games on the Eastern calendar day `YYYYMMDD` (ESPN's `dates=`), or `nil` for a malformed date.
    func games(of league: ServedLeague, onEasternDate yyyymmdd: String) -> [Game]?
    /// The games starting in `range`, in start order.
    func games(of league: ServedLeague, startingIn range: Range<Date>) -> [Game]
    /// Where `game` stands at `now`.
    func progress(of game: Game, at now: Date) -> GameProgress
    /// The quotes of the books of `regions` for `game` at `time`; empty when no line is posted.
    func quotes(_ game: Game, regions: [String], at time: Date) -> [BookQuote]
    /// The batter-hits props of the books of `regions` for `game` at `time`; empty when none are posted.
    func propQuotes(_ game: Game, regions: [String], at time: Date) -> [PropQuote]
    /// The player-points props of the books of `regions` for `game` at `time`; empty when none are posted.
    func playerPointsQuotes(_ game: Game, regions: [String], at time: Date) -> [PropQuote]
    /// The basketball players' lines of `game` once final (away, home); empty for other sports.
    func basketballLines(of game: Game) -> (away: [SimulatedBasketballPlayer.GameLine], home: [SimulatedBasketballPlayer.GameLine])
}

extension GameWorld {
    /// No player props: a replayed world has no players.
    public func propQuotes(_ game: Game, regions: [String], at time: Date) -> [PropQuote] { [] }
    /// No player props: a replayed world has no players.
    public func playerPointsQuotes(_ game: Game, regions: [String], at time: Date) -> [PropQuote] { [] }
    /// No box scores: a replayed world has no players.
    public func basketballLines(of game: Game) -> (away: [SimulatedBasketballPlayer.GameLine], home: [SimulatedBasketballPlayer.GameLine]) {
        ([], [])
    }
}

/// One game as the endpoints serve it: league, teams, start and end, and each upstream's id for it.
public protocol WorldGame: Sendable {
    /// The league.
    var league: ServedLeague { get }
    /// The home team.
    var home: SandboxTeam { get }
    /// The away team.
    var away: SandboxTeam { get }
    /// The scheduled start.
    var startsAt: Date { get }
    /// When the game is over.
    var endsAt: Date { get }
    /// ESPN's event id (numeric string).
    var espnID: String { get }
    /// The Odds API's event id (32 hex digits).
    var oddsAPIID: String { get }
}
