import Essentials
import Foundation

/// Whether a delivery may go to a webhook's URL, and where its connection goes: outside development, never to this
/// machine or a private network.
///
/// The API refuses such URLs by name and IP literal when a webhook is set; a public name can still resolve to a
/// private address, now or after the fact, so each delivery resolves the host again and refuses if any of its
/// addresses is private. The connection then goes to an address that was checked (`WebhookDestination.pinned`): were
/// the HTTP client to resolve the name again, a DNS server answering a public address to the check and a private one
/// milliseconds later (rebinding) would steer the POST inside.
struct WebhookDestinationCheck: Sendable {
    /// Development (`aips dev`), where the sandbox's inbox listens on loopback: every destination is allowed, and the
    /// client resolves names itself.
    var allowingPrivateHosts: Bool
    /// A host's addresses, as a connection would find them.
    var resolve: @Sendable (String) async throws -> [String] = { try await HostResolver.addresses(of: $0) }
    /// Whether an address is one a webhook may not reach; a test that serves a webhook on loopback replaces it.
    var isPrivate: @Sendable (String) -> Bool = PrivateNetworks.contains(address:)

    /// Where a delivery to `url` connects, or why nothing may be sent there.
    func destination(for url: String) async -> WebhookDestination {
        guard !allowingPrivateHosts else { return .unpinned }
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return .refused("the webhook URL has no host; not sent") }
        if PrivateNetworks.contains(host: host) { return .refused("\(host) is a private host; not sent") }
        let addresses: [String]
        do { addresses = try await resolve(host) } catch { return .refused("\(error)") }
        if let address = addresses.first(where: isPrivate) {
            return .refused("\(host) resolves to a private address (\(address)); not sent")
        }
        guard let address = addresses.first else { return .refused("\(host) has no address; not sent") }
        return .pinned(host: host, address: address)
    }
}
