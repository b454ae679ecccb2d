import Store

/// The out-of-sample pick record of the model that made a prediction (`ModelPickRecord`), as a prediction shows it:
/// how far to trust its pick before any of it has settled.
struct ModelPickRecordView: Codable, Sendable, Equatable {
    /// The model's pooled out-of-sample picks with a fair close.
    var picks: Int
    /// Their mean CLV against the fair close (the closing line less its margin), and its standard error.
    var fairClv: Double
    var fairClvStandardError: Double
    /// Whether they beat the close beyond two standard errors, on enough picks to tell.
    var verdict: String
    /// Whether the model's picks are published: only on a record that beat the close.
    var publishesPicks: Bool

    init(_ record: ModelPickRecord) {
        picks = record.picks
        fairClv = record.meanFairCLV
        fairClvStandardError = record.standardError
        verdict = record.verdict
        publishesPicks = record.allowsPicks
    }
}
