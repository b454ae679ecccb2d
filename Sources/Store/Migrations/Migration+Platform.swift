extension Migration {
    /// The platform's schema, in order. Append new migrations; never edit or renumber an applied one.
    public static let platform: [Migration] = [
        .teamsAndGames,
        .marketData,
        .collectedData,
        .modelsAndPredictions,
        .operations,
        .oddsWithoutForeignKey,
        .oddsByGameAndTime,
        .diagnosticEffects,
        .rawIngestUnique,
        .dailyReports,
        .modelReports,
        .injuries,
        .gameSummaries,
        .injuriesByListTime,
        .picks,
        .gameStarters,
        .betting,
        .predictionChain,
        .twoFactorEnrolment,
        .promotionReview,
        .playerPropOdds,
        .trackedDraws,
        .playerGamePoints,
        .pitcherGameLines,
    ]
}
