import Essentials
import Testing

@Suite struct PrivateNetworksTests {
    @Test func namesAndAddressesOfThisMachineAndPrivateNetworksArePrivate() {
        for host in [
            "localhost", "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "::1",
            "[::1]", "fd00::1", "db.internal", "0.0.0.0", "100.64.0.1", "::ffff:10.0.0.1", "printer.local", "LOCALHOST",
        ] {
            #expect(PrivateNetworks.contains(host: host), "\(host)")
        }
        for host in ["example.com", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2001:db8::1", "[2606:4700::1]", "internal.example.com"] {
            #expect(!PrivateNetworks.contains(host: host), "\(host)")
        }
    }

    @Test func addressesAreJudgedAsAddressesNotNames() {
        #expect(PrivateNetworks.contains(address: "10.9.8.7") && PrivateNetworks.contains(address: "fe80::1"))
        #expect(!PrivateNetworks.contains(address: "localhost") && !PrivateNetworks.contains(address: "93.184.216.34"))
    }
}
