import Foundation
import Jobs
import Logging

/// How calibrated models are promoted, read from the environment in this one place.
///
/// - `PROMOTION_AUTO_APPROVE`: `true` promotes a model that passes every threshold and beats the champion at once;
///   `false` (the default, the seed's workflow) makes it a promotion request that runs in shadow until an admin
///   approves or rejects it at `/api/v1/admin/promotions`. `aips dev` sets it to `true` unless it is set.
///
/// An unusable value is logged and the default kept.
enum PromotionEnvironment {
    static func configuration(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "aips.calibrate")
    ) -> PromotionConfiguration {
        guard let text = environment["PROMOTION_AUTO_APPROVE"] else { return .reviewed }
        switch text.lowercased() {
        case "true", "1", "yes": return .automatic
        case "false", "0", "no": return .reviewed
        default:
            logger.error("PROMOTION_AUTO_APPROVE must be true or false; keeping the default (review)", metadata: ["value": "\(text)"])
            return .reviewed
        }
    }
}
