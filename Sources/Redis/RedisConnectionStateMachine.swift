import Essentials

/// The life of one Redis connection, with no I/O: events go in, actions come out.
///
/// `RedisConnection` feeds it what hiredis and the loop report (a context opened, connected, dropped, a reply,
/// a clock tick) and executes the actions it returns (send, fail, open or free the context, schedule a
/// reconnect, log). Because it touches neither hiredis nor libuv, every transition is tested without a server.
///
/// ```
/// idle ──start──▶ connecting ──connected──▶ connected
///                   ▲    │                      │ dropped, timeout, handshake refused
///                   │    └──connect failed──┐   ▼
///                   └────timer fired─────── backingOff
/// (any) ──close──▶ closed          idle ──start(unusable)──▶ unusable
/// ```
///
/// Commands wait in `parked` while there is no context and move to the in-flight FIFO once sent; hiredis
/// answers in order. A command leaves the machine exactly when an action finishes it (`succeed`/`fail`), so
/// an empty reply for a command it no longer holds (one that already timed out) is dropped.
struct RedisConnectionStateMachine {
    enum State: Equatable {
        /// Created; `start` has not run. Commands park.
        case idle
        /// A hiredis context exists and is connecting; commands are sent (hiredis buffers them).
        case connecting
        /// Connected; commands are sent.
        case connected
        /// No context; a reconnect is scheduled. Commands park until it or their deadline.
        case backingOff
        /// The connection can never work (a bad TLS configuration); every command fails with the reason.
        case unusable(RedisError)
        /// Closed for good; every command fails with `.closed`.
        case closed
    }

    /// A command the machine holds, with its deadline on the loop's millisecond clock.
    struct Pending {
        let command: RedisCommand
        let deadline: UInt64
    }

    /// What `RedisConnection` must do, in order.
    enum Action {
        /// Create a hiredis context; report `connectionOpened` or `connectFailed`.
        case openConnection
        /// Send these commands on the current context, in order.
        case send([RedisCommand])
        /// Deliver the reply.
        case succeed(RedisCommand, RedisValue)
        /// Deliver the failure.
        case fail(RedisCommand, RedisError)
        /// Free the current context: hiredis hands back every in-flight command with an empty reply.
        case closeConnection
        /// Call `reconnectTimerFired` after the delay.
        case scheduleReconnect(after: Duration)
        /// Tell the operator.
        case log(LogEvent)
    }

    /// What is worth a log line.
    enum LogEvent {
        case connectFailed(RedisError, attempts: Int)
        case reconnected
        case dropped
        case handshakeRefused(RedisError)
    }

    /// What to do with one command; a type of its own because it comes once or twice per command.
    enum CommandAction {
        /// Nothing: the command is parked, or was already finished.
        case none
        case send(RedisCommand)
        case succeed(RedisCommand, RedisValue)
        case fail(RedisCommand, RedisError)
    }

    private(set) var state: State = .idle
    private var parked: [Pending] = []
    private var inFlight = CommandFIFO()
    private let minimumReconnectDelay: Duration
    private let maximumReconnectDelay: Duration
    private var reconnectDelay: Duration
    private var failedAttempts = 0
    /// Why the connection last failed; an authentication failure sticks until a handshake succeeds.
    private var lastFailure: RedisError?

    init(minimumReconnectDelay: Duration, maximumReconnectDelay: Duration) {
        self.minimumReconnectDelay = minimumReconnectDelay
        self.maximumReconnectDelay = maximumReconnectDelay
        reconnectDelay = minimumReconnectDelay
    }

    /// Commands parked while there is no context.
    var parkedCount: Int { parked.count }
    /// Commands sent and not yet answered.
    var inFlightCount: Int { inFlight.count }

    // MARK: Events

    /// The connection starts: it connects, unless `unusable` says it never can.
    mutating func start(unusable: RedisError?) -> [Action] {
        guard state == .idle else { return [] }
        guard let unusable else {
            state = .connecting
            return [.openConnection]
        }
        state = .unusable(unusable)
        let waiting = parked
        parked.removeAll()
        return waiting.map { .fail($0.command, Self.error(unusable, for: $0.command)) }
    }

    /// A caller's command, at `now` on the loop's millisecond clock.
    mutating func submit(_ command: RedisCommand, now: UInt64) -> CommandAction {
        switch state {
        case .unusable(let error):
            return .fail(command, Self.error(error, for: command))
        case .closed:
            return .fail(command, RedisError(.closed, command: command.name, message: "client closed"))
        case .idle, .backingOff:
            parked.append(Pending(command: command, now: now))
            return .none
        case .connecting, .connected:
            inFlight.append(Pending(command: command, now: now))
            return .send(command)
        }
    }

    /// hiredis refused a command `send` asked for (its context is already closing).
    mutating func sendFailed(_ command: RedisCommand) -> CommandAction {
        guard inFlight.remove(command) else { return .none }
        return .fail(command, RedisError(.connectionLost, command: command.name, message: "connection is closing"))
    }

    /// A context exists: the handshake (AUTH, SELECT) goes first, then what was parked.
    mutating func connectionOpened(handshake: [RedisCommand], now: UInt64) -> [Action] {
        guard state == .connecting else { return [] }
        for command in handshake { inFlight.append(Pending(command: command, now: now)) }
        let waiting = parked
        parked.removeAll()
        for pending in waiting { inFlight.append(pending) }
        return [.send(handshake + waiting.map(\.command))]
    }

    /// The context could not be made, or its connect failed; `error` already carries any explanation.
    mutating func connectFailed(_ error: RedisError) -> [Action] {
        guard state == .connecting else { return [] }
        lastFailure = lastFailure?.code == .authentication ? lastFailure : error
        failedAttempts += 1
        var actions: [Action] = []
        if failedAttempts == 1 || failedAttempts % 50 == 0 {
            actions.append(.log(.connectFailed(error, attempts: failedAttempts)))
        }
        // Commands that were waiting fail now rather than at their deadline, so callers see why.
        for pending in parked { actions.append(.fail(pending.command, Self.error(error, for: pending.command))) }
        parked.removeAll()
        return actions + backOff()
    }

    /// hiredis connected.
    mutating func connected() -> [Action] {
        guard state == .connecting else { return [] }
        state = .connected
        let reconnected = failedAttempts > 0
        failedAttempts = 0
        reconnectDelay = minimumReconnectDelay
        if lastFailure?.code != .authentication { lastFailure = nil }
        return reconnected ? [.log(.reconnected)] : []
    }

    /// The context dropped (hiredis frees it); its in-flight commands came back empty just before.
    mutating func connectionDropped() -> [Action] {
        guard state == .connecting || state == .connected else { return [] }
        return [.log(.dropped)] + backOff()
    }

    /// The server answered `command`.
    mutating func replyReceived(_ command: RedisCommand, _ value: RedisValue) -> CommandAction {
        guard inFlight.remove(command) else { return .none }
        if case .error(let message) = value {
            return .fail(command, RedisError(.server, command: command.name, message: message))
        }
        return .succeed(command, value)
    }

    /// hiredis gave `command` back without a reply: its context was freed or dropped.
    ///
    /// `explanation` says what the connection cannot see itself (a TLS relay's handshake failure).
    mutating func replyMissing(_ command: RedisCommand, explanation: String?) -> CommandAction {
        guard inFlight.remove(command) else { return .none }
        var error = lastFailure ?? RedisError(.connectionLost, message: "connection dropped")
        if let explanation { error.message += " (\(explanation))" }
        // A command handed to a context whose connect then failed never reached a server: it may be sent again
        // (a cluster client retries it elsewhere). Otherwise the connection dropped with it in flight.
        let code: RedisError.Code = error.code == .authentication || error.code == .connectionFailed ? error.code : .connectionLost
        return .fail(command, RedisError(code, command: command.name, message: error.message))
    }

    /// The server refused AUTH or SELECT (`command`): no command can succeed on this connection.
    mutating func handshakeRefused(command: String, message: String) -> [Action] {
        let failure = RedisError(.authentication, command: command, message: message)
        lastFailure = failure
        return [.log(.handshakeRefused(failure))] + reset(because: failure)
    }

    /// The reconnect delay passed.
    mutating func reconnectTimerFired() -> [Action] {
        guard state == .backingOff else { return [] }
        state = .connecting
        return [.openConnection]
    }

    /// The loop's clock ticked to `now`: commands past their deadline fail.
    mutating func tick(now: UInt64) -> [Action] {
        var actions: [Action] = []
        if parked.contains(where: { $0.deadline <= now }) {
            let reason = lastFailure.map { " (last error: \($0.message))" } ?? ""
            parked.removeAll { pending in
                guard pending.deadline <= now else { return false }
                let message = "no connection to Redis within \(pending.command.timeout)\(reason)"
                actions.append(.fail(pending.command, RedisError(.timeout, command: pending.command.name, message: message)))
                return true
            }
        }
        if let oldest = inFlight.first, oldest.deadline <= now {
            _ = inFlight.remove(oldest.command)
            let message = "no reply within \(oldest.command.timeout)"
            actions.append(.fail(oldest.command, RedisError(.timeout, command: oldest.command.name, message: message)))
            // Replies come in order, so a late reply means the connection is stuck: start over.
            actions += reset(because: RedisError(.timeout, message: "command timed out"))
        }
        return actions
    }

    /// The client closes: parked commands fail now; in-flight ones when hiredis hands them back.
    mutating func close() -> [Action] {
        let hadContext = state == .connecting || state == .connected
        state = .closed
        let error = RedisError(.closed, message: "client closed")
        var actions: [Action] = hadContext ? [.closeConnection] : []
        for pending in parked { actions.append(.fail(pending.command, Self.error(error, for: pending.command))) }
        parked.removeAll()
        if !hadContext {
            while let pending = inFlight.popFirst() {
                actions.append(.fail(pending.command, Self.error(error, for: pending.command)))
            }
        }
        return actions
    }

    // MARK: Transitions

    /// Drops a context that is no longer trustworthy (timed out, handshake refused) and reconnects later.
    private mutating func reset(because error: RedisError) -> [Action] {
        guard state == .connecting || state == .connected else { return [] }
        lastFailure = error
        // Freeing the context fails everything in flight through `replyMissing`, with `error` as the reason.
        return [.closeConnection] + backOff()
    }

    /// Waits before the next connect, doubling the wait each time up to the maximum.
    private mutating func backOff() -> [Action] {
        guard state != .closed, state != .backingOff else { return [] }
        state = .backingOff
        let delay = reconnectDelay
        reconnectDelay = min(reconnectDelay * 2, maximumReconnectDelay)
        return [.scheduleReconnect(after: delay)]
    }

    /// `error` as the failure of `command`.
    private static func error(_ error: RedisError, for command: RedisCommand) -> RedisError {
        RedisError(error.code, command: command.name, message: error.message)
    }
}

extension RedisConnectionStateMachine.Pending {
    init(command: RedisCommand, now: UInt64) {
        self.init(command: command, deadline: now + UInt64(command.timeout.milliseconds))
    }
}
