/// How far a model under promotion review is through its shadow period (ML guide 2.7, steps 4–5: shadow testing,
/// then a comparison with the production model): the settled games it is judged on against the games required.
///
/// A model replacing a champion is judged on the games both forecast, so the comparison is like for like; a model
/// with no champion to replace is judged on every settled game of its own. An approval before the period is complete
/// has to be forced, so a decision made on three games is a decision someone chose to make.
public struct ShadowPeriod: Sendable, Equatable {
    /// The settled games the model is judged on so far.
    public let settledGames: Int
    /// The settled games required before an approval needs no force.
    public let requiredGames: Int

    /// The period of a model from its shadow `comparison`, judged on the paired games when it `replacesChampion`, with
    /// `requiredGames` settled games required.
    public init(comparison: ShadowComparison, replacesChampion: Bool, requiredGames: Int) {
        settledGames = replacesChampion ? comparison.pairedShadow.count : comparison.shadow.count
        self.requiredGames = max(0, requiredGames)
    }

    /// The period of `request`'s model from its shadow `comparison`, with `requiredGames` settled games required.
    public init(_ request: PromotionRequest, comparison: ShadowComparison, requiredGames: Int) {
        self.init(comparison: comparison, replacesChampion: request.championID != nil, requiredGames: requiredGames)
    }

    /// Whether enough games have settled for an approval.
    public var isComplete: Bool { settledGames >= requiredGames }
}
