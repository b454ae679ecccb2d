/// How cross-validation cuts rows into folds.
///
/// Time-ordered rows (games, the platform's jobs) need ``walkForward``: a shuffled fold trains on games played after
/// the ones it scores, so its out-of-fold predictions know the future. ``shuffled`` is for rows that have no time
/// order (an i.i.d. CSV on the ML bench), where every row gets an out-of-fold prediction.
public enum ValidationScheme: String, Sendable, Codable, CaseIterable {
    /// Expanding windows over rows in time order (row order, or the times given): fold `i` trains on every block
    /// before block `i + 1` and validates on it. The first block is never validated, so its rows have no
    /// out-of-fold prediction and are left out of whatever is fitted on out-of-fold predictions.
    ///
    /// Precondition: rows are sorted by time (``DataSplits/folds(_:rowCount:folds:seed:labels:times:)`` takes the
    /// times to cut at, so rows sharing a start time stay on one side of a cut).
    case walkForward
    /// Shuffled k-fold, stratified by label: every row is validated once, by a model that may have seen later rows.
    case shuffled
}
