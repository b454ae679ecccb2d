import Essentials
import Testing

@Suite struct HostResolverTests {
    /// Through the system resolver, as a connection would: `localhost` from /etc/hosts, to loopback only.
    @Test func localhostResolvesToLoopback() async throws {
        let addresses = try await HostResolver.addresses(of: "localhost")
        #expect(!addresses.isEmpty)
        #expect(addresses.allSatisfy { $0 == "::1" || $0.hasPrefix("127.") }, "\(addresses)")
    }

    @Test func anAddressResolvesToItself() async throws {
        #expect(try await HostResolver.addresses(of: "192.0.2.7") == ["192.0.2.7"])
        #expect(try await HostResolver.addresses(of: "2001:db8::5") == ["2001:db8::5"])
    }

    @Test func anEmptyNameIsAnError() async {
        await #expect(throws: HostResolutionError.self) { try await HostResolver.addresses(of: "") }
    }
}
