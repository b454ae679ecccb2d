/// The two numbers an outcome model needs for a game.
///
/// Basketball: expected home margin and expected total points. Baseball: expected runs of the home
/// and of the away team (Poisson means).
struct GameParameters: Sendable, Equatable {
    var first: Double
    var second: Double
}
