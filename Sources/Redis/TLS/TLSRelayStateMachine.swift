/// The life of one TLS relay, with no I/O: `TLSRelay` reports what libuv and OpenSSL did and carries out
/// the actions this returns.
///
/// ```
/// resolving ──resolved──▶ connecting ──connected──▶ handshaking ──handshake done──▶ relaying
///     └─────────────┴──── any failure, either side closing ───┴────────────────────────┴──▶ closed
/// ```
///
/// Bytes hiredis writes before the handshake ends wait here and are encrypted, in order, once it does.
struct TLSRelayStateMachine {
    enum State: Equatable {
        /// The server's address is being resolved.
        case resolving
        /// The TCP connection to the server is being made; the remote handle exists from here on.
        case connecting
        /// The TLS handshake is under way; hiredis's bytes are held back.
        case handshaking
        /// Bytes flow both ways.
        case relaying
        /// Both sides are closed.
        case closed
    }

    /// What `TLSRelay` must do, in order.
    enum Action: Equatable {
        /// Start reading the server's bytes and take the first handshake step.
        case startHandshake
        /// Feed what the server sent to OpenSSL's handshake.
        case continueHandshake
        /// Encrypt these bytes (held back during the handshake) to the server.
        case encrypt([UInt8])
        /// Decrypt what the server sent and write it to hiredis.
        case decrypt
        /// Close the local handle, and the remote one if `remoteHandleOpen` (else just free its memory); then
        /// tell the tunnel, with `reason` if the relay failed (logged) or nil if a side simply closed.
        case close(remoteHandleOpen: Bool, reason: String?)
    }

    /// What to do with bytes hiredis wrote; a type of its own because it runs for every write.
    enum LocalBytesAction: Equatable {
        /// Encrypt them to the server now.
        case encrypt
        /// Held until the handshake ends (or dropped, once closed).
        case none
    }

    private(set) var state: State = .resolving
    private var heldBack: [UInt8] = []

    /// Whether the remote handle has been initialised and must be closed through libuv.
    private var remoteHandleOpen: Bool {
        switch state {
        case .connecting, .handshaking, .relaying: true
        case .resolving, .closed: false
        }
    }

    var isClosed: Bool { state == .closed }

    /// Whether bytes OpenSSL produced can go to the server.
    var canWriteRemote: Bool { remoteHandleOpen }

    /// The server's address is known: true when the relay should open the TCP connection to it.
    mutating func resolved() -> Bool {
        guard state == .resolving else { return false }
        state = .connecting
        return true
    }

    /// The TCP connection is up.
    mutating func remoteConnected() -> [Action] {
        guard state == .connecting else { return [] }
        state = .handshaking
        return [.startHandshake]
    }

    /// hiredis wrote `bytes`.
    mutating func localBytes(_ bytes: UnsafeRawBufferPointer) -> LocalBytesAction {
        switch state {
        case .relaying:
            return .encrypt
        case .resolving, .connecting, .handshaking:
            heldBack.append(contentsOf: bytes)
            return .none
        case .closed:
            return .none
        }
    }

    /// The server sent bytes (already handed to OpenSSL).
    mutating func remoteBytes() -> [Action] {
        switch state {
        case .handshaking: [.continueHandshake]
        case .relaying: [.decrypt]
        case .resolving, .connecting, .closed: []
        }
    }

    /// OpenSSL finished the handshake: what hiredis wrote meanwhile goes out, then what the server sent with it.
    mutating func handshakeCompleted() -> [Action] {
        guard state == .handshaking else { return [] }
        state = .relaying
        let waiting = heldBack
        heldBack = []
        return (waiting.isEmpty ? [] : [.encrypt(waiting)]) + [.decrypt]
    }

    /// The server closed its side.
    mutating func remoteClosed() -> [Action] {
        close(reason: state == .handshaking ? "server closed the connection during the TLS handshake" : nil)
    }

    /// hiredis closed its side, or the server ended the TLS session cleanly.
    mutating func peerClosed() -> [Action] {
        close(reason: nil)
    }

    /// Something failed (resolve, connect, handshake, a read or write); `reason` says what.
    mutating func failed(_ reason: String) -> [Action] {
        close(reason: reason)
    }

    /// The tunnel closes the relay.
    mutating func close(reason: String?) -> [Action] {
        guard state != .closed else { return [] }
        let remoteOpen = remoteHandleOpen
        state = .closed
        heldBack = []
        return [.close(remoteHandleOpen: remoteOpen, reason: reason)]
    }
}
