import Store

/// Grades shadow models' forecasts as part of `settle`: the positive side (home; over) of each forecast of a final
/// game, from the score (`BetGrader`), so the promotion review can compare the shadow with the champion.
///
/// Each forecast is graded only from ungraded, so racing or redelivered runs grade it once; nothing is paid or
/// published.
struct ShadowForecastGrader: Sendable {
    let store: Store

    /// Grades the gradeable forecasts (of `sport` when given); returns how many were graded.
    func grade(sport: String?) async throws -> Int {
        var graded = 0
        for item in try await store.shadowForecasts.ungraded(sport: sport) {
            let forecast = item.forecast
            guard
                let result = BetGrader.result(
                    betType: forecast.betType, selection: BetOutcome.selections(forecast.betType).positive, line: forecast.line,
                    homeScore: item.homeScore, awayScore: item.awayScore, threeWay: CollectedSport.hasDraw(item.sport))
            else { continue }
            if try await store.shadowForecasts.grade(modelID: forecast.modelID, gameID: forecast.gameID, result: result) { graded += 1 }
        }
        return graded
    }
}
