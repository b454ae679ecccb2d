import Essentials
import Foundation
import Queue
import Store

/// Registers `alerts.deliver` with a worker's registry.
public enum AlertJobs {
    /// Registers the handler, delivering from `store` and signing with the secrets `secrets` opens; the result is the
    /// run. `market`: where the deployment's prices come from, which every delivery says. `allowingPrivateHosts`:
    /// development, where webhooks may point at this machine (`AlertDeliverer`).
    public static func register(
        in registry: JobRegistry, store: Store, secrets: SecretKeyring?, market: MarketSource = .live, allowingPrivateHosts: Bool = false
    ) {
        let deliverer = AlertDeliverer(store: store, secrets: secrets, market: market, allowingPrivateHosts: allowingPrivateHosts)
        registry.register(DeliverAlerts.self) { parameters, context in
            try await deliverer.run(parameters, logger: context.logger)
        }
    }

    /// Makes `alerts.deliver` known for payload validation only.
    public static func declare(in registry: JobRegistry) {
        registry.declare(DeliverAlerts.self)
    }
}
