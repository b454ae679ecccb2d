/// What a bet on a simulated game is about: the event whose probability the truth (`SandboxWorld.probability(of:_:)`)
/// and the market at any time (`SandboxWorld.consensusProbability(of:_:at:)`) each give, so a forecast of any market
/// can be set beside both.
public enum SimulatedEvent: Sendable, Hashable {
    /// The home side wins (after overtime or extra innings where the sport plays them; a soccer draw is not a home win).
    case homeWin
    /// The game ends level: soccer's third outcome (probability 0 in a sport where every game has a winner).
    case draw
    /// The home side covers `line` (home score + `line` > away score); a whole or quarter Asian handicap is priced at
    /// the probability that makes the bet's expected return zero, a push refunded and a quarter line half on each
    /// neighbouring line.
    case homeCovers(line: Double)
    /// The total goes over `line`, an Asian goal total priced as a handicap is.
    case over(line: Double)
}
