import Foundation

/// The body of `POST /alerts/webhook`: POST my new alerts to `url`.
struct AlertWebhookRequest: Decodable, Sendable {
    var url: String

    /// `url` when a webhook may be sent there: an absolute https URL without credentials or fragment, at most 2,048
    /// characters, on a public host; else a 400. Plain http would carry the alerts and their signatures in the clear,
    /// and a private host would let a user make the platform POST inside its own network. With `allowingPrivateHosts`
    /// (`aips dev`, where the sandbox's inbox listens on loopback) private hosts are allowed, over http too.
    ///
    /// Hosts are judged by name and IP literal; a public name that resolves to a private address is not caught here.
    func validatedURL(allowingPrivateHosts: Bool) throws -> String {
        let invalid = APIError.validation(
            "url must be an https URL on a public host, of at most 2048 characters, without credentials or fragment", field: "url")
        guard url.count <= 2_048, let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty, components.user == nil, components.password == nil,
            components.fragment == nil, scheme == "https" || scheme == "http"
        else { throw invalid }
        let isPrivate = Self.isPrivate(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        if allowingPrivateHosts, isPrivate { return url }
        guard scheme == "https", !isPrivate else { throw invalid }
        return url
    }

    /// The loopback, private, shared (CGNAT), link-local and unspecified networks.
    static let privateNetworks: [IPAddressRange] = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
        "::/128", "::1/128", "fc00::/7", "fe80::/10",
    ].compactMap(IPAddressRange.init)

    /// Whether `host` names this machine or a private network: by name (`localhost`, `.local`, `.internal`) or as an
    /// address in `privateNetworks` (an IPv4-mapped IPv6 address counts as its IPv4 address).
    static func isPrivate(host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") { return true }
        return privateNetworks.contains { $0.contains(host) }
    }
}
