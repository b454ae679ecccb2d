import Foundation
import Jobs
import Logging
import Store

/// When predictions are published and what becomes a pick, read from the environment in this one place.
///
/// - `AIPS_GAME_DAY_HOUR`: the hour (0–23, US Eastern) of the game-day publication; default 10.
/// - `AIPS_PICK_MINIMUM_TIER`: the weakest tier published as a pick, `A`–`D`; default `C` (1 point of edge).
///
/// An unusable value is logged and the default kept.
enum PredictionEnvironment {
    static func configuration(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "aips.predict")
    ) -> (publication: PublicationPolicy, picks: PickSelector) {
        var publication = PublicationPolicy.standard
        if let text = environment["AIPS_GAME_DAY_HOUR"] {
            if let hour = Int(text), (0...23).contains(hour) {
                publication.gameDayHour = hour
            } else {
                logger.error("AIPS_GAME_DAY_HOUR must be an hour 0–23; keeping the default", metadata: ["value": "\(text)"])
            }
        }
        var picks = PickSelector.standard
        if let text = environment["AIPS_PICK_MINIMUM_TIER"] {
            if let tier = SignalTier(rawValue: text.uppercased()) {
                picks.minimumTier = tier
            } else {
                logger.error("AIPS_PICK_MINIMUM_TIER must be A, B, C or D; keeping the default", metadata: ["value": "\(text)"])
            }
        }
        return (publication, picks)
    }
}
