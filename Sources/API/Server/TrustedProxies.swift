import Essentials
import Foundation

/// The reverse proxies whose `X-Forwarded-For` the API believes (nginx in deploy/), and how it finds the
/// client behind them.
///
/// Each proxy appends the address it saw to `X-Forwarded-For`, so the list reads client, proxy, proxy… and
/// only its right end is vouched for. Walking it from the right past trusted proxies, the first address that
/// is not one is the client: whatever a client put further left is its own claim and is never believed. With
/// no trusted proxies (the default) the header is ignored and the client is the TCP peer.
public struct TrustedProxies: Sendable, Equatable {
    public var ranges: [IPAddressRange]

    public init(_ ranges: [IPAddressRange] = []) {
        self.ranges = ranges
    }

    /// Parses a comma-separated list of addresses and CIDR ranges (`TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1`).
    public init(list: String) throws(InvalidTrustedProxy) {
        var ranges: [IPAddressRange] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let range = IPAddressRange(entry) else { throw InvalidTrustedProxy(entry: entry) }
            ranges.append(range)
        }
        self.ranges = ranges
    }

    /// The client's address: `peer` itself unless it is a trusted proxy, else the right-most address of the
    /// `X-Forwarded-For` values (in header order) that is not a trusted proxy. A malformed entry ends the walk:
    /// the trusted proxy before it is then taken as the client, since nothing left of it can be vouched for.
    public func clientAddress(peer: String, forwardedFor values: [String]) -> String {
        guard isTrusted(peer) else { return peer }
        let hops = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard IPAddressRange.bytes(of: hop) != nil else { break }
            client = hop
            guard isTrusted(hop) else { break }
        }
        return client
    }

    private func isTrusted(_ address: String) -> Bool { ranges.contains { $0.contains(address) } }
}

/// A `TRUSTED_PROXIES` entry that is neither an IP address nor a CIDR range.
public struct InvalidTrustedProxy: Error, CustomStringConvertible {
    public let entry: String
    public var description: String { "not an IP address or CIDR range: \"\(entry)\"" }
}
