import Essentials
import Testing

@Suite struct IPAddressRangeTests {
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
}
