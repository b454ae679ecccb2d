import COpenSSL
import CUV
import Foundation
import Logging

/// One hiredis connection relayed over TLS: plain bytes from the private unix socket
/// are encrypted with OpenSSL (memory BIOs) and written to the server's TCP socket,
/// and the other way round. Loop thread only. `TLSRelayStateMachine` decides what happens
/// when; this class owns the handles and the SSL session and carries out its actions.
final class TLSRelay {
    private let loop: RedisEventLoop
    private let host: String
    private let port: Int
    private let logger: Logger
    private let onClose: (TLSRelay, String?) -> Void
    private let local: UnsafeMutablePointer<uv_pipe_t>
    private let remote: UnsafeMutablePointer<uv_tcp_t>
    private let ssl: OpaquePointer
    /// Network bytes for OpenSSL to read (owned by `ssl`).
    private let incoming: OpaquePointer
    /// Bytes OpenSSL wants sent to the network (owned by `ssl`).
    private let outgoing: OpaquePointer
    private var machine = TLSRelayStateMachine()

    init(loop: RedisEventLoop, context: TLSContext, host: String, port: Int, logger: Logger, onClose: @escaping (TLSRelay, String?) -> Void) {
        self.loop = loop
        self.host = host
        self.port = port
        self.logger = logger
        self.onClose = onClose
        local = .allocate(capacity: 1)
        remote = .allocate(capacity: 1)
        ssl = SSL_new(context.pointer)
        incoming = BIO_new(BIO_s_mem())
        outgoing = BIO_new(BIO_s_mem())
        SSL_set_bio(ssl, incoming, outgoing)
        SSL_set_connect_state(ssl)
        let name = context.options.serverName ?? host
        if Self.isIPAddress(name) {
            if context.options.verifyPeer { X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) }
        } else {
            _ = aips_SSL_set_tlsext_host_name(ssl, name)
            if context.options.verifyPeer { SSL_set1_host(ssl, name) }
        }
    }

    deinit { SSL_free(ssl) }

    private var localStream: UnsafeMutablePointer<uv_stream_t> {
        UnsafeMutableRawPointer(local).assumingMemoryBound(to: uv_stream_t.self)
    }

    private var remoteStream: UnsafeMutablePointer<uv_stream_t> {
        UnsafeMutableRawPointer(remote).assumingMemoryBound(to: uv_stream_t.self)
    }

    /// Takes the pending connection from the listener and starts reading hiredis's bytes.
    func accept(from server: UnsafeMutablePointer<uv_stream_t>) -> Bool {
        uv_pipe_init(loop.uvLoop, local, 0)
        local.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        guard uv_accept(server, localStream) == 0 else {
            uv_close(UnsafeMutableRawPointer(local).assumingMemoryBound(to: uv_handle_t.self)) { UnsafeMutableRawPointer($0)?.deallocate() }
            remote.deallocate()
            return false
        }
        uv_read_start(localStream, Self.allocate) { stream, count, buffer in
            TLSRelay.read(from: .local, stream, count, buffer)
        }
        return true
    }

    /// Resolves the server and opens the TCP connection; the TLS handshake follows.
    func connect() {
        let request = UnsafeMutablePointer<uv_getaddrinfo_t>.allocate(capacity: 1)
        request.pointee.data = Unmanaged.passRetained(self).toOpaque()
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        let status = uv_getaddrinfo(loop.uvLoop, request, { request, status, result in
            guard let request else { return }
            let relay = Unmanaged<TLSRelay>.fromOpaque(request.pointee.data).takeRetainedValue()
            request.deallocate()
            defer { uv_freeaddrinfo(result) }
            guard status == 0, let address = result?.pointee.ai_addr else {
                return relay.execute(relay.machine.failed("cannot resolve \(relay.host): \(String(cString: uv_strerror(status)))"))
            }
            if relay.machine.resolved() { relay.open(address) }
        }, host, String(port), &hints)
        if status != 0 {
            Unmanaged<TLSRelay>.fromOpaque(request.pointee.data).release()
            request.deallocate()
            execute(machine.failed("cannot resolve \(host): \(String(cString: uv_strerror(status)))"))
        }
    }

    private func open(_ address: UnsafePointer<sockaddr>) {
        uv_tcp_init(loop.uvLoop, remote)
        remote.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        uv_tcp_nodelay(remote, 1)
        let request = UnsafeMutablePointer<uv_connect_t>.allocate(capacity: 1)
        request.pointee.data = Unmanaged.passRetained(self).toOpaque()
        let status = uv_tcp_connect(request, remote, address) { request, status in
            guard let request else { return }
            let relay = Unmanaged<TLSRelay>.fromOpaque(request.pointee.data).takeRetainedValue()
            request.deallocate()
            guard !relay.machine.isClosed else { return }
            guard status == 0 else {
                return relay.execute(relay.machine.failed("cannot connect to \(relay.host):\(relay.port): \(String(cString: uv_strerror(status)))"))
            }
            relay.execute(relay.machine.remoteConnected())
        }
        if status != 0 {
            Unmanaged<TLSRelay>.fromOpaque(request.pointee.data).release()
            request.deallocate()
            execute(machine.failed("cannot connect to \(host):\(port): \(String(cString: uv_strerror(status)))"))
        }
    }

    private func startHandshake() {
        uv_read_start(remoteStream, Self.allocate) { stream, count, buffer in
            TLSRelay.read(from: .remote, stream, count, buffer)
        }
        continueHandshake()
    }

    /// The two ends of the relay: hiredis's unix socket and the server's TCP connection.
    private enum Side {
        case local, remote
    }

    /// What a read callback of `side`'s stream hands over: `count` bytes in `buffer` (freed here), or the end of the
    /// stream when `count` is negative. The callbacks are C function pointers and cannot capture the side, so each
    /// names its own.
    private static func read(
        from side: Side, _ stream: UnsafeMutablePointer<uv_stream_t>?, _ count: Int, _ buffer: UnsafePointer<uv_buf_t>?
    ) {
        defer { free(buffer?.pointee.base) }
        guard let data = stream?.pointee.data else { return }
        let relay = Unmanaged<TLSRelay>.fromOpaque(data).takeUnretainedValue()
        if count < 0 {
            return relay.execute(side == .local ? relay.machine.peerClosed() : relay.machine.remoteClosed())
        }
        guard count > 0, let base = buffer?.pointee.base else { return }
        let bytes = UnsafeRawBufferPointer(start: base, count: count)
        switch side {
        case .local: relay.fromLocal(bytes)
        case .remote: relay.fromRemote(bytes)
        }
    }

    private func fromLocal(_ bytes: UnsafeRawBufferPointer) {
        if machine.localBytes(bytes) == .encrypt { encrypt(bytes) }
    }

    private func fromRemote(_ bytes: UnsafeRawBufferPointer) {
        BIO_write(incoming, bytes.baseAddress, Int32(bytes.count))
        execute(machine.remoteBytes())
    }

    private func continueHandshake() {
        let result = SSL_do_handshake(ssl)
        flushOutgoing()
        if result == 1 { return execute(machine.handshakeCompleted()) }
        let error = SSL_get_error(ssl, result)
        if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE { return }
        let verify = SSL_get_verify_result(ssl)
        let reason = verify != X509_V_OK
            ? "certificate verification failed: \(String(cString: X509_verify_cert_error_string(verify)))"
            : TLSContext.lastError()
        execute(machine.failed("TLS handshake with \(host):\(port) failed: \(reason)"))
    }

    private func encrypt(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = SSL_write(ssl, bytes.baseAddress! + offset, Int32(bytes.count - offset))
            guard written > 0 else { return execute(machine.failed("TLS write failed: \(TLSContext.lastError())")) }
            offset += Int(written)
        }
        flushOutgoing()
    }

    private func decrypt() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while !machine.isClosed {
            let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if count > 0 {
                buffer.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<Int(count)]), to: localStream) }
                continue
            }
            let error = SSL_get_error(ssl, count)
            if error == SSL_ERROR_WANT_READ { break }
            return execute(error == SSL_ERROR_ZERO_RETURN ? machine.peerClosed() : machine.failed("TLS read failed: \(TLSContext.lastError())"))
        }
        flushOutgoing()
    }

    private func flushOutgoing() {
        while BIO_ctrl_pending(outgoing) > 0, machine.canWriteRemote {
            var buffer = [UInt8](repeating: 0, count: Int(BIO_ctrl_pending(outgoing)))
            let count = buffer.withUnsafeMutableBytes { BIO_read(outgoing, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<Int(count)]), to: remoteStream) }
        }
    }

    /// Queues a copy of `bytes` on `stream`; the copy is freed when the write completes.
    private func write(_ bytes: UnsafeRawBufferPointer, to stream: UnsafeMutablePointer<uv_stream_t>) {
        let request = UnsafeMutablePointer<uv_write_t>.allocate(capacity: 1)
        let copy = malloc(bytes.count)!
        copy.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        request.pointee.data = copy
        var buffer = uv_buf_init(copy.assumingMemoryBound(to: CChar.self), UInt32(bytes.count))
        let status = uv_write(request, stream, &buffer, 1) { request, _ in
            free(request?.pointee.data)
            request?.deallocate()
        }
        if status != 0 {
            free(copy)
            request.deallocate()
            execute(machine.failed("relay write failed: \(String(cString: uv_strerror(status)))"))
        }
    }

    /// Closes both sides; hiredis sees its connection drop and reconnects through the tunnel.
    func close(reason: String?) {
        execute(machine.close(reason: reason))
    }

    private func execute(_ actions: [TLSRelayStateMachine.Action]) {
        for action in actions {
            switch action {
            case .startHandshake:
                startHandshake()
            case .continueHandshake:
                continueHandshake()
            case .encrypt(let bytes):
                bytes.withUnsafeBytes { encrypt($0) }
            case .decrypt:
                decrypt()
            case .close(let remoteHandleOpen, let reason):
                closeHandles(remoteHandleOpen: remoteHandleOpen, reason: reason)
            }
        }
    }

    private func closeHandles(remoteHandleOpen: Bool, reason: String?) {
        if let reason { logger.warning("redis TLS relay closed", metadata: ["reason": "\(reason)"]) }
        local.pointee.data = nil
        uv_close(UnsafeMutableRawPointer(local).assumingMemoryBound(to: uv_handle_t.self)) { UnsafeMutableRawPointer($0)?.deallocate() }
        if remoteHandleOpen {
            remote.pointee.data = nil
            uv_close(UnsafeMutableRawPointer(remote).assumingMemoryBound(to: uv_handle_t.self)) { UnsafeMutableRawPointer($0)?.deallocate() }
        } else {
            remote.deallocate()
        }
        onClose(self, reason)
    }

    private static let allocate: uv_alloc_cb = { _, suggested, buffer in
        buffer?.pointee.base = malloc(suggested)?.assumingMemoryBound(to: CChar.self)
        buffer?.pointee.len = buffer?.pointee.base == nil ? 0 : suggested
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
