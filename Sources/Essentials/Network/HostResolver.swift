import Dispatch
import Glibc

/// Resolves host names to the addresses a connection to them would use, through the system resolver (`getaddrinfo`,
/// so `/etc/hosts` and the configured DNS answer as they do for every client on the machine).
public enum HostResolver {
    /// The addresses of `host`, in text (`93.184.216.34`, `2606:2800:220:1::`), IPv4 and IPv6 alike; an IP literal
    /// resolves to itself. `getaddrinfo` blocks, up to the resolver's own timeouts, so it runs on a dispatch thread,
    /// never on one of the Swift cooperative pool's.
    public static func addresses(of host: String) async throws(HostResolutionError) -> [String] {
        let result: Result<[String], HostResolutionError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: resolve(host)) }
        }
        return try result.get()
    }

    private static func resolve(_ host: String) -> Result<[String], HostResolutionError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            return .failure(HostResolutionError(host: host, reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let info = entry?.pointee {
            if let address = info.ai_addr, let text = text(of: address, family: info.ai_family), !addresses.contains(text) {
                addresses.append(text)
            }
            entry = info.ai_next
        }
        guard !addresses.isEmpty else { return .failure(HostResolutionError(host: host, reason: "no address")) }
        return .success(addresses)
    }

    /// An IPv4 or IPv6 socket address as `inet_ntop` writes it; nil for another family.
    private static func text(of address: UnsafeMutablePointer<sockaddr>, family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written: UnsafePointer<CChar>?
        switch family {
        case AF_INET:
            written = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                withUnsafePointer(to: ipv4.pointee.sin_addr) { inet_ntop(AF_INET, $0, &buffer, socklen_t(buffer.count)) }
            }
        case AF_INET6:
            written = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                withUnsafePointer(to: ipv6.pointee.sin6_addr) { inet_ntop(AF_INET6, $0, &buffer, socklen_t(buffer.count)) }
            }
        default:
            return nil
        }
        guard written != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A host name the resolver could not turn into an address, and its reason (`gai_strerror`).
public struct HostResolutionError: Error, CustomStringConvertible, Equatable, Sendable {
    public let host: String
    public let reason: String

    public init(host: String, reason: String) {
        self.host = host
        self.reason = reason
    }

    public var description: String { "\(host) does not resolve: \(reason)" }
}
