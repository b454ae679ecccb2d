/// What a backfill reloads.
public enum BackfillSource: String, Sendable, CaseIterable, Codable {
    /// ESPN scoreboards (`collect.games`).
    case games
    /// The Odds API historical snapshots (`collect.odds` with `snapshotAt`).
    case odds
    /// Baseball Savant pitches (`collect.statcast`, week by week; MLB only).
    case statcast
    /// Open-Meteo's archive at outdoor venues (`collect.weather` with `from`/`to`, week by week).
    case weather
    /// ESPN's summaries of final games, for their box scores (`collect.summaries` with `from`/`to`, week by week;
    /// the NBA's player points, MLB's starting pitchers' lines, the NFL's, NHL's and Premier League's team statistics).
    case boxScores
}
