import Essentials
import Foundation

/// Whether a delivery may go to a webhook's URL: outside development, never to this machine or a private network.
///
/// The API refuses such URLs by name and IP literal when a webhook is set; a public name can still resolve to a
/// private address, now or after the fact, so each delivery resolves the host again and refuses if any of its
/// addresses is private. The HTTP client then resolves the name itself: a DNS server that answers differently within
/// those milliseconds (rebinding) is not caught here, which would take connecting to the checked address.
struct WebhookDestinationCheck: Sendable {
    /// Development (`aips dev`), where the sandbox's inbox listens on loopback: every destination is allowed.
    var allowingPrivateHosts: Bool
    /// A host's addresses, as a connection would find them.
    var resolve: @Sendable (String) async throws -> [String] = { try await HostResolver.addresses(of: $0) }

    /// Why nothing may be sent to `url`; nil when a delivery may go there.
    func refusal(for url: String) async -> String? {
        guard !allowingPrivateHosts else { return nil }
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return "the webhook URL has no host; not sent" }
        if PrivateNetworks.contains(host: host) { return "\(host) is a private host; not sent" }
        let addresses: [String]
        do { addresses = try await resolve(host) } catch { return "\(error)" }
        if let address = addresses.first(where: PrivateNetworks.contains(address:)) {
            return "\(host) resolves to a private address (\(address)); not sent"
        }
        return nil
    }
}
