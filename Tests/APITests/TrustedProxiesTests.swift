import API
import Testing

@Suite struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(list: "10.0.0.0/8, 192.0.2.7, fd00::/8")

    @Test func rangesMatchTheirAddressesOnly() throws {
        let range = try #require(IPAddressRange("10.1.0.0/16"))
        #expect(range.contains("10.1.255.3") && !range.contains("10.2.0.1"))
        #expect(range.contains("::ffff:10.1.2.3"))  // IPv4-mapped, as a dual-stack socket reports it
        #expect(IPAddressRange("fd00::/8")?.contains("fd12:3456::1") == true)
        #expect(IPAddressRange("fd00::/8")?.contains("10.1.2.3") == false)
        #expect(IPAddressRange("0.0.0.0/0")?.contains("203.0.113.9") == true)
        #expect(IPAddressRange("10.0.0.0/33") == nil && IPAddressRange("nginx") == nil && IPAddressRange("10.0.0.0/x") == nil)
        #expect(range.description == "10.1.0.0/16")
    }

    @Test func aBadListIsRefused() {
        #expect(throws: InvalidTrustedProxy.self) { try TrustedProxies(list: "10.0.0.0/8,proxy.internal") }
        #expect((try? TrustedProxies(list: ""))?.ranges.isEmpty == true)
    }

    @Test func withoutTrustedProxiesTheHeaderIsIgnored() {
        #expect(TrustedProxies().clientAddress(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
    }

    @Test func anUntrustedPeerIsTheClientWhateverItForwards() {
        #expect(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: ["10.0.0.5"]) == "203.0.113.9")
    }

    @Test func theClientIsTheRightMostAddressThatIsNotAProxy() {
        // A client claiming to be 1.2.3.4, through nginx (10.0.0.5) and a load balancer (192.0.2.7).
        #expect(proxies.clientAddress(peer: "10.0.0.9", forwardedFor: ["1.2.3.4, 198.51.100.23", "10.0.0.5, 192.0.2.7"]) == "198.51.100.23")
        #expect(proxies.clientAddress(peer: "10.0.0.9", forwardedFor: ["198.51.100.23"]) == "198.51.100.23")
    }

    @Test func aProxyWithoutTheHeaderOrWithGarbageIsTheClient() {
        #expect(proxies.clientAddress(peer: "10.0.0.9", forwardedFor: []) == "10.0.0.9")
        #expect(proxies.clientAddress(peer: "10.0.0.9", forwardedFor: ["1.2.3.4, not-an-address"]) == "10.0.0.9")
    }
}
