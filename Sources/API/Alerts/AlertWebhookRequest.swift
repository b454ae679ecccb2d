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

    /// Whether `host` names this machine or an address in a private, loopback or link-local range.
    static func isPrivate(host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        if octets.count == 4, octets.allSatisfy({ $0 != nil }) {
            let (a, b) = (octets[0]!, octets[1]!)
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168)
                || (a == 100 && (64...127).contains(b))
        }
        if host.contains(":") {
            return host == "::" || host == "::1" || host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe80")
                || host.hasPrefix("::ffff:")
        }
        return false
    }
}
