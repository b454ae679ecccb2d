import CHiredis

/// A command waiting for its reply, kept alive across the hiredis callback.
///
/// Why @unchecked Sendable is safe: the caller builds it and hands it to the loop
/// thread through `RedisEventLoop.execute` without touching it again; from then on only
/// the loop thread reads or mutates it (send, reply, deadline checks).
final class RedisCommand: @unchecked Sendable {
    let name: String
    let arguments: [String]
    let timeout: Duration
    /// The connection the command was sent on, set once it is in flight.
    weak var connection: RedisConnection?
    private var completion: ((Result<RedisValue, RedisError>) -> Void)?

    init(arguments: [String], timeout: Duration, completion: @escaping (Result<RedisValue, RedisError>) -> Void) {
        self.name = arguments.first?.uppercased() ?? ""
        self.arguments = arguments
        self.timeout = timeout
        self.completion = completion
    }

    /// Whether the command already has its outcome (a timeout can come before the reply).
    var isFinished: Bool { completion == nil }

    /// Delivers the outcome once; later outcomes (a reply after a timeout) are dropped.
    func finish(_ result: Result<RedisValue, RedisError>) {
        guard let completion else { return }
        self.completion = nil
        completion(result)
    }

    /// Calls `body` with a C argv/argvlen view of the arguments.
    func withArgv<R>(_ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R) -> R {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(arguments.reduce(0) { $0 + $1.utf8.count })
        var lengths: [Int] = []
        lengths.reserveCapacity(arguments.count)
        for argument in arguments {
            bytes.append(contentsOf: argument.utf8)
            lengths.append(argument.utf8.count)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            var pointers: [UnsafePointer<CChar>?] = []
            pointers.reserveCapacity(lengths.count)
            var offset = 0
            for length in lengths {
                pointers.append((base + offset).assumingMemoryBound(to: CChar.self))
                offset += length
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { argvlen in
                    body(Int32(lengths.count), argv.baseAddress!, argvlen.baseAddress!)
                }
            }
        }
    }
}

extension RedisValue {
    /// Copies a hiredis reply into Swift values.
    init(reply: UnsafePointer<redisReply>) {
        let reply = reply.pointee
        switch reply.type {
        case REDIS_REPLY_STRING:
            self = .bulk(Self.bytes(reply.str, reply.len))
        case REDIS_REPLY_INTEGER:
            self = .integer(Int(reply.integer))
        case REDIS_REPLY_ARRAY:
            var elements: [RedisValue] = []
            elements.reserveCapacity(reply.elements)
            for index in 0..<reply.elements {
                if let element = reply.element[index] { elements.append(RedisValue(reply: element)) }
            }
            self = .array(elements)
        case REDIS_REPLY_STATUS:
            self = .status(String(decoding: Self.bytes(reply.str, reply.len), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            self = .error(String(decoding: Self.bytes(reply.str, reply.len), as: UTF8.self))
        default:
            self = .null
        }
    }

    private static func bytes(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
