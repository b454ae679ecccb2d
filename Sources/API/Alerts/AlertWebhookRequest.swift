import Foundation

/// The body of `POST /alerts/webhook`: POST my new alerts to `url`.
struct AlertWebhookRequest: Decodable, Sendable {
    /// Hosts a webhook may reach over plain http: the caller's own machine (`aips dev`, a local receiver).
    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1"]

    var url: String

    /// `url` when a webhook may be sent there: an absolute https URL without credentials or fragment, at most 2,048
    /// characters, or an http one on a loopback host; else a 400. Plain http elsewhere would carry the alerts and
    /// their signatures in the clear.
    func validatedURL() throws -> String {
        let invalid = APIError.validation(
            "url must be an https URL (http only on localhost) of at most 2048 characters, without credentials or fragment",
            field: "url")
        guard url.count <= 2_048, let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty, components.user == nil, components.password == nil,
            components.fragment == nil
        else { throw invalid }
        let bareHost = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard scheme == "https" || (scheme == "http" && Self.loopbackHosts.contains(bareHost)) else { throw invalid }
        return url
    }
}
