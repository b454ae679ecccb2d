import Essentials
import Foundation

/// The body of `POST /alerts/webhook`: POST my new alerts to `url`.
struct AlertWebhookRequest: Decodable, Sendable {
    var url: String

    /// `url` when a webhook may be sent there: an absolute https URL without credentials or fragment, at most 2,048
    /// characters, on a public host; else a 400. Plain http would carry the alerts and their signatures in the clear,
    /// and a private host would let a user make the platform POST inside its own network. With `allowingPrivateHosts`
    /// (`aips dev`, where the sandbox's inbox listens on loopback) private hosts are allowed, over http too.
    ///
    /// Hosts are judged here by name and IP literal; a public name that resolves to a private address is refused when a
    /// delivery resolves it (`AlertDeliverer`).
    func validatedURL(allowingPrivateHosts: Bool) throws -> String {
        let invalid = APIError.validation(
            "url must be an https URL on a public host, of at most 2048 characters, without credentials or fragment", field: "url")
        guard url.count <= 2_048, let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty, components.user == nil, components.password == nil,
            components.fragment == nil, scheme == "https" || scheme == "http"
        else { throw invalid }
        let isPrivate = PrivateNetworks.contains(host: host)
        if allowingPrivateHosts, isPrivate { return url }
        guard scheme == "https", !isPrivate else { throw invalid }
        return url
    }
}
