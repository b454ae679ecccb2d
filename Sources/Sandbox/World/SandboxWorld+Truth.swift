extension SandboxWorld {
    /// The true probability of `event`: the Bayes-optimal forecast of any market of `game`.
    public func probability(of event: SimulatedEvent, _ game: SimulatedGame) -> Double {
        OutcomeModel(sport: game.sport).probability(of: event, game.parameters)
    }

    /// The true probability that the home team covers `line` (home score + line > away score), for any line:
    /// what a bet at a book's line was worth, for measuring models against the Bayes-optimal forecast.
    public func homeCoverProbability(_ game: SimulatedGame, line: Double) -> Double {
        OutcomeModel(sport: game.sport).homeCovers(game.parameters, line: line)
    }

    /// The true probability of a draw (0 in a sport where every game has a winner).
    public func drawProbability(_ game: SimulatedGame) -> Double {
        OutcomeModel(sport: game.sport).draw(game.parameters)
    }

    /// The true probability that the total goes over `line`.
    public func overProbability(_ game: SimulatedGame, line: Double) -> Double {
        OutcomeModel(sport: game.sport).over(game.parameters, line: line)
    }
}
