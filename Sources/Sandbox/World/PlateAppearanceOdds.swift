/// How the simulated pitch sequence ends a plate appearance, computed from the per-pitch odds the pitch
/// simulation draws from (`SandboxWorld+Pitches.swift`), so that books and tests can price batters from the
/// same numbers the simulation plays out.
public enum PlateAppearanceOdds {
    /// Per-pitch probabilities: ball, strike (called or swinging), foul, ball in play.
    static let ball = 0.36
    static let strike = 0.26
    static let foul = 0.18
    static let inPlay = 0.20

    /// The probabilities that a plate appearance ends with the ball in play, a strikeout, or a walk.
    static let endings: (inPlay: Double, strikeout: Double, walk: Double) = ending(balls: 0, strikes: 0)

    /// The probability that a plate appearance ends with the ball in play (about 0.68).
    public static var ballInPlay: Double { endings.inPlay }
    /// The probability that a plate appearance ends in a walk (about 0.10).
    public static var walk: Double { endings.walk }
    /// The probability that a plate appearance ends in a strikeout (about 0.22).
    public static var strikeout: Double { endings.strikeout }

    /// The endings' probabilities from a count. A two-strike foul leaves the count as it was, so at two
    /// strikes the recursion is solved for its fixed point instead of followed.
    private static func ending(balls: Int, strikes: Int) -> (inPlay: Double, strikeout: Double, walk: Double) {
        if balls == 4 { return (0, 0, 1) }
        if strikes == 3 { return (0, 1, 0) }
        let afterBall = ending(balls: balls + 1, strikes: strikes)
        if strikes == 2 {
            let stay = 1 - foul
            return (
                (inPlay + ball * afterBall.inPlay) / stay, (strike + ball * afterBall.strikeout) / stay, (ball * afterBall.walk) / stay
            )
        }
        let afterStrike = ending(balls: balls, strikes: strikes + 1)
        let strikeShare = strike + foul
        return (
            inPlay + ball * afterBall.inPlay + strikeShare * afterStrike.inPlay,
            ball * afterBall.strikeout + strikeShare * afterStrike.strikeout,
            ball * afterBall.walk + strikeShare * afterStrike.walk
        )
    }
}
