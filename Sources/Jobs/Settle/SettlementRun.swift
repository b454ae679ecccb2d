/// What one `settle` run did for one sport: the job's result, stored with the succeeded job.
public struct SettlementRun: Codable, Sendable, Equatable {
    /// False when this delivery found the sport's settlement already committed by an earlier one.
    public var applied: Bool
    /// Finished games whose predictions were graded.
    public var gamesGraded: Int
    /// Cancelled or postponed games whose predictions were voided.
    public var gamesVoided: Int
    /// Predictions graded a win.
    public var wins: Int
    /// Predictions graded a loss.
    public var losses: Int
    /// Predictions graded a push.
    public var pushes: Int
    /// Predictions voided.
    public var voids: Int
    /// Graded predictions no book closed at the same line for: no closing price, no CLV.
    public var withoutClosingPrice: Int
    /// The days (`YYYY-MM-DD`, UTC) whose daily report was rebuilt.
    public var reportDays: [String]

    /// An empty run.
    public init(applied: Bool = true) {
        self.applied = applied
        gamesGraded = 0
        gamesVoided = 0
        wins = 0
        losses = 0
        pushes = 0
        voids = 0
        withoutClosingPrice = 0
        reportDays = []
    }
}
