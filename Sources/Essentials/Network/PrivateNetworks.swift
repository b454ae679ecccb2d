/// The addresses a request made on a user's behalf must not reach: this machine and the networks behind it.
///
/// A webhook is a URL a user chooses and the platform POSTs to; were it allowed to name a private address, any user
/// could make the platform send requests inside its own network (server-side request forgery).
public enum PrivateNetworks {
    /// The loopback, private, shared (CGNAT), link-local and unspecified networks.
    public static let ranges: [IPAddressRange] = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
        "::/128", "::1/128", "fc00::/7", "fe80::/10",
    ].compactMap(IPAddressRange.init)

    /// Whether `address`, an IP address in text, lies in one of ``ranges`` (an IPv4-mapped IPv6 address counts as its
    /// IPv4 address).
    public static func contains(address: String) -> Bool {
        ranges.contains { $0.contains(address) }
    }

    /// Whether `host`, a URL's host, names this machine or a private network: by name (`localhost`, `.local`,
    /// `.internal`) or as an address in ``ranges``. Brackets around an IPv6 literal are ignored. A name is not
    /// resolved: a public name may still lead to a private address (``HostResolver`` finds out).
    public static func contains(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") { return true }
        return contains(address: host)
    }
}
