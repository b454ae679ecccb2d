import ArgumentParser
import Foundation
import Store

/// The market a deployment's answers declare (`MarketSource`), from the environment: `AIPS_MARKET` (`live`,
/// `simulated` or `replayed`) when set, else `simulated` when the collectors read a sandbox (`AIPS_SANDBOX_URL`), else
/// `live`.
enum MarketEnvironment {
    static func market(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MarketSource {
        if let text = environment["AIPS_MARKET"] {
            guard let market = MarketSource(rawValue: text) else {
                throw ValidationError(
                    "AIPS_MARKET must be one of \(MarketSource.allCases.map(\.rawValue).joined(separator: ", ")), not \(text)")
            }
            return market
        }
        return environment["AIPS_SANDBOX_URL"] == nil ? .live : .simulated
    }
}
