import Store

/// A collector's result: what its run read, what it wrote, and whether the writes ran.
///
/// A collector starts its result from what it read (nothing written yet) and counts the writes inside the job's
/// effect; a redelivery writes nothing, so its result is what was read, marked not applied.
protocol CollectionResult: Sendable {
    /// False for a redelivery: nothing was written.
    var applied: Bool { get set }
}

extension JobEffectOutcome where Value: CollectionResult {
    /// The result of the writes; for a redelivery, `read` marked not applied.
    func collection(read: Value) -> Value {
        switch self {
        case .applied(let result):
            return result
        case .alreadyApplied:
            var result = read
            result.applied = false
            return result
        }
    }
}

extension GamesCollection: CollectionResult {}
extension InjuriesCollection: CollectionResult {}
extension OddsCollection: CollectionResult {}
extension PropOddsCollection: CollectionResult {}
extension StatcastCollection: CollectionResult {}
extension SummariesCollection: CollectionResult {}
extension WeatherCollection: CollectionResult {}
