import CUV
import Foundation
import Logging

/// Carries hiredis connections over TLS.
///
/// Debian's hiredis 0.14 cannot speak TLS, so hiredis connects to a private unix
/// socket (in a 0700 temporary directory) and the tunnel relays each connection over
/// an OpenSSL session to the real server, on the same libuv loop.
///
/// Why @unchecked Sendable is safe: the listener handle and the set of relays are
/// created and touched only on the loop thread (`start` and `close` run there through
/// `RedisEventLoop.execute`); `socketPath` and `directory` are immutable.
final class RedisTLSTunnel: @unchecked Sendable {
    let socketPath: String
    private let directory: String
    private let loop: RedisEventLoop
    private let context: TLSContext
    private let host: String
    private let port: Int
    private let logger: Logger
    private var listener: UnsafeMutablePointer<uv_pipe_t>?
    private var relays: [ObjectIdentifier: TLSRelay] = [:]
    /// Why the last relay failed, for the errors hiredis's connections report.
    private(set) var lastFailure: String?

    init(loop: RedisEventLoop, host: String, port: Int, options: RedisConfiguration.TLS, logger: Logger) throws(RedisError) {
        self.loop = loop
        self.host = host
        self.port = port
        self.logger = logger
        context = try TLSContext(options: options)
        var template = Array((NSTemporaryDirectory() + "aips-tls.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw RedisError(.connectionFailed, message: "TLS: cannot create a private socket directory")
        }
        directory = String(cString: made)
        socketPath = directory + "/redis.sock"
    }

    /// Why `start` could not listen; connections through the tunnel fail with it.
    private(set) var startFailure: RedisError?

    /// Binds the private socket, or records why not in `startFailure`. Loop thread only.
    func start() {
        let pipe = UnsafeMutablePointer<uv_pipe_t>.allocate(capacity: 1)
        uv_pipe_init(loop.uvLoop, pipe, 0)
        pipe.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        let stream = UnsafeMutableRawPointer(pipe).assumingMemoryBound(to: uv_stream_t.self)
        var status = uv_pipe_bind(pipe, socketPath)
        if status == 0 {
            status = uv_listen(stream, 128) { server, status in
                guard status == 0, let server, let data = server.pointee.data else { return }
                Unmanaged<RedisTLSTunnel>.fromOpaque(data).takeUnretainedValue().accept(from: server)
            }
        }
        listener = pipe
        if status != 0 {
            startFailure = RedisError(.connectionFailed, message: "TLS: cannot listen on \(socketPath): \(String(cString: uv_strerror(status)))")
        }
    }

    private func accept(from server: UnsafeMutablePointer<uv_stream_t>) {
        let relay = TLSRelay(loop: loop, context: context, host: host, port: port, logger: logger) { [weak self] relay, reason in
            self?.relays[ObjectIdentifier(relay)] = nil
            if let reason { self?.lastFailure = reason }
        }
        guard relay.accept(from: server) else { return }
        relays[ObjectIdentifier(relay)] = relay
        relay.connect()
    }

    /// Stops listening and drops every relay. Loop thread only.
    func close() {
        for relay in relays.values { relay.close(reason: nil) }
        relays.removeAll()
        if let listener {
            self.listener = nil
            uv_close(UnsafeMutableRawPointer(listener).assumingMemoryBound(to: uv_handle_t.self)) { $0?.deallocate() }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
