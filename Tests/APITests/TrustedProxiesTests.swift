import API
import Testing

@Suite struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(list: "10.0.0.0/8, 192.0.2.7, fd00::/8")

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
