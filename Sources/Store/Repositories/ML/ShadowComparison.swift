/// How a shadow model's forecasts did beside the champion's on the games settled so far (pushes left out).
public struct ShadowComparison: Sendable, Equatable {
    /// Forecasts stored, graded or not.
    public var forecasts: Int
    /// The shadow model on every settled game.
    public var shadow: ForecastQuality
    /// The shadow model on the settled games the champion also forecast…
    public var pairedShadow: ForecastQuality
    /// …and the champion on the same games, from the same features at the same moment.
    public var pairedChampion: ForecastQuality

    /// A comparison of `forecasts` forecasts.
    public init(forecasts: Int, shadow: ForecastQuality, pairedShadow: ForecastQuality, pairedChampion: ForecastQuality) {
        self.forecasts = forecasts
        self.shadow = shadow
        self.pairedShadow = pairedShadow
        self.pairedChampion = pairedChampion
    }

    /// The shadow's log loss minus the champion's on the paired games (negative: the shadow is better); `nil`
    /// before any paired game is settled.
    public var logLossDifference: Double? {
        guard let shadow = pairedShadow.logLoss, let champion = pairedChampion.logLoss else { return nil }
        return shadow - champion
    }
}
