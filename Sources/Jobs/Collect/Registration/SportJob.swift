import Queue

/// A job whose parameters name one sport, or none for every configured sport.
protocol SportJob: JobParameters {
    /// The platform's sport code; `nil`: every configured sport.
    var sport: String? { get set }
}

extension CollectOdds: SportJob {}
extension CollectGames: SportJob {}
extension CollectWeather: SportJob {}
extension CollectInjuries: SportJob {}
extension CollectSummaries: SportJob {}
extension QualityCheck: SportJob {}
