import Foundation

extension TestServers {
    /// A loopback TCP port nothing listens on now, from the kernel (bind to port 0, read it back).
    public static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(socket, pointer, length) == 0 else { return -1 }
                return getsockname(socket, pointer, &length)
            }
        }
        guard bound == 0 else { throw FreePortUnavailable() }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The kernel had no loopback port to give.
    public struct FreePortUnavailable: Error {}
}
