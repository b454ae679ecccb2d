import Foundation
import Synchronization

/// The faults currently injected, by path prefix.
public final class FaultPlan: Sendable {
    /// Each fault with the number of requests it is still served to (nil: until cleared).
    private let faults = Mutex<[(prefix: String, fault: SandboxFault, remaining: Int?)]>([])

    /// An empty plan.
    public init() {}

    /// Serves `fault` for every request whose path starts with `pathPrefix` until cleared, or to the next `times`
    /// such requests only: a test then knows which answer each request gets, whatever the machine's load.
    public func inject(_ fault: SandboxFault, pathPrefix: String, times: Int? = nil) {
        faults.withLock { $0.append((pathPrefix, fault, times)) }
    }

    /// Removes every fault.
    public func clear() {
        faults.withLock { $0.removeAll() }
    }

    /// The fault for `path`, if any.
    func fault(for path: String) -> SandboxFault? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { path.hasPrefix($0.prefix) }) else { return nil }
            let fault = faults[index].fault
            if let remaining = faults[index].remaining {
                if remaining <= 1 { faults.remove(at: index) } else { faults[index].remaining = remaining - 1 }
            }
            return fault
        }
    }

    /// `body` with `fault` applied.
    static func apply(_ fault: SandboxFault, to body: Data) -> Data {
        switch fault {
        case .truncatedBody:
            return body.prefix(body.count / 2)
        case .wrongTypes:
            return flipNumbers(body)
        case .status, .throttled:
            return Data()
        case .body(let text):
            return Data(text.utf8)
        case .trickle:
            return body
        case .oversized(let bytes):
            return body + Data(repeating: UInt8(ascii: " "), count: max(0, bytes - body.count))
        }
    }

    /// Rewrites JSON text so numbers become strings and strings holding a number become numbers.
    private static func flipNumbers(_ body: Data) -> Data {
        let bytes = [UInt8](body)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        func isNumberByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                let content = bytes[(index + 1)..<min(end, bytes.count)]
                if !content.isEmpty, content.allSatisfy(isNumberByte), Double(String(decoding: content, as: UTF8.self)) != nil {
                    output.append(contentsOf: content)
                } else {
                    output.append(contentsOf: bytes[index..<min(end + 1, bytes.count)])
                }
                index = end + 1
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") {
                var end = index
                while end < bytes.count && isNumberByte(bytes[end]) { end += 1 }
                output.append(UInt8(ascii: "\""))
                output.append(contentsOf: bytes[index..<end])
                output.append(UInt8(ascii: "\""))
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return Data(output)
    }
}
