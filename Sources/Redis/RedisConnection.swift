import CHiredis
import CUV
import Logging

/// One hiredis asynchronous connection, attached to a libuv loop.
///
/// Every method runs on the loop thread: the client hops there with
/// `RedisEventLoop.execute`. Commands pipeline freely; replies arrive in order. A
/// dropped connection fails what was in flight with `connectionLost` and reconnects
/// with exponential backoff; commands sent meanwhile wait for the new connection.
/// What happens when is decided by `RedisConnectionStateMachine`; this class only
/// reports hiredis's callbacks to it and carries out the actions it returns.
///
/// Why @unchecked Sendable is safe: the connection is created on any thread but its
/// state is first read by `start()`, which runs on the loop thread after the handoff
/// through `RedisEventLoop.execute` (a Mutex, hence a happens-before edge); from then
/// on every method runs on that one thread, from `execute` closures or libuv callbacks.
final class RedisConnection: @unchecked Sendable {
    private let loop: RedisEventLoop
    private let configuration: RedisConfiguration
    private let logger: Logger
    private var machine: RedisConnectionStateMachine
    /// Owned context; hiredis frees it after its disconnect callback, so it is cleared there.
    private var context: UnsafeMutablePointer<redisAsyncContext>?
    /// Explains drops the connection cannot see itself (a TLS relay's handshake failure).
    private let explainFailure: () -> String?

    init(loop: RedisEventLoop, configuration: RedisConfiguration, logger: Logger, explainFailure: @escaping () -> String? = { nil }) {
        self.loop = loop
        self.configuration = configuration
        self.logger = logger
        self.explainFailure = explainFailure
        machine = RedisConnectionStateMachine(
            minimumReconnectDelay: configuration.minimumReconnectDelay, maximumReconnectDelay: configuration.maximumReconnectDelay)
    }

    /// Opens the connection and starts watching deadlines; with `unusable`, fails every command with it instead.
    /// Loop thread only.
    func start(unusable: RedisError?) {
        loop.addTickHandler(for: self) { [unowned self] in
            self.execute(self.machine.tick(now: uv_now(self.loop.uvLoop)))
        }
        execute(machine.start(unusable: unusable))
    }

    /// Sends `command`, or parks it until a connection exists. Loop thread only.
    func submit(_ command: RedisCommand) {
        execute(machine.submit(command, now: uv_now(loop.uvLoop)))
    }

    /// Drops the connection at once, failing whatever is pending. Loop thread only.
    func close() {
        loop.removeTickHandler(for: self)
        execute(machine.close())
    }

    // MARK: Actions

    private func execute(_ actions: [RedisConnectionStateMachine.Action]) {
        for action in actions {
            switch action {
            case .openConnection:
                connect()
            case .send(let commands):
                for command in commands { send(command) }
            case .succeed(let command, let value):
                command.finish(.success(value))
            case .fail(let command, let error):
                command.finish(.failure(error))
            case .closeConnection:
                if let current = context {
                    context = nil
                    redisAsyncFree(current)  // hands every in-flight command back through `didReply`
                }
            case .scheduleReconnect(let delay):
                loop.schedule(after: delay) { [weak self] in
                    guard let self else { return }
                    self.execute(self.machine.reconnectTimerFired())
                }
            case .log(let event):
                log(event)
            }
        }
    }

    private func execute(_ action: RedisConnectionStateMachine.CommandAction) {
        switch action {
        case .none: break
        case .send(let command): send(command)
        case .succeed(let command, let value): command.finish(.success(value))
        case .fail(let command, let error): command.finish(.failure(error))
        }
    }

    private func log(_ event: RedisConnectionStateMachine.LogEvent) {
        switch event {
        case .connectFailed(let error, let attempts):
            logger.warning("redis connect failed", metadata: ["error": "\(error)", "attempts": "\(attempts)"])
        case .reconnected:
            logger.info("redis reconnected", metadata: ["endpoint": "\(configuration.endpoint)"])
        case .dropped:
            logger.warning("redis connection dropped", metadata: ["endpoint": "\(configuration.endpoint)"])
        case .handshakeRefused(let error):
            logger.error("redis handshake refused", metadata: ["error": "\(error)"])
        }
    }

    private func connect() {
        let created: UnsafeMutablePointer<redisAsyncContext>?
        switch configuration.endpoint {
        case .tcp(let host, let port): created = redisAsyncConnect(host, Int32(port))
        case .unix(let path): created = redisAsyncConnectUnix(path)
        }
        guard let created else {
            return connectFailed(RedisError(.connectionFailed, message: "out of memory creating a connection"))
        }
        if created.pointee.err != 0 {
            let message = created.pointee.errstr.map { String(cString: $0) } ?? "error \(created.pointee.err)"
            redisAsyncFree(created)
            return connectFailed(RedisError(.connectionFailed, message: "\(configuration.endpoint): \(message)"))
        }
        created.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        guard redisLibuvAttach(created, loop.uvLoop) == REDIS_OK else {
            redisAsyncFree(created)
            return connectFailed(RedisError(.connectionFailed, message: "could not attach to the event loop"))
        }
        redisAsyncSetConnectCallback(created) { context, status in
            guard let data = context?.pointee.data else { return }
            let connection = Unmanaged<RedisConnection>.fromOpaque(data).takeUnretainedValue()
            connection.didConnect(UnsafeRawPointer(context!), status: status)
        }
        redisAsyncSetDisconnectCallback(created) { context, status in
            guard let data = context?.pointee.data else { return }
            let connection = Unmanaged<RedisConnection>.fromOpaque(data).takeUnretainedValue()
            connection.didDisconnect(UnsafeRawPointer(context!))
        }
        context = created
        execute(machine.connectionOpened(handshake: handshake(), now: uv_now(loop.uvLoop)))
    }

    /// AUTH and SELECT for this connection; a refusal drops it (and reconnects later).
    private func handshake() -> [RedisCommand] {
        var handshake: [[String]] = []
        if let password = configuration.password {
            handshake.append(configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password])
        }
        if configuration.database != 0 { handshake.append(["SELECT", String(configuration.database)]) }
        return handshake.map { arguments in
            RedisCommand(arguments: arguments, timeout: configuration.commandTimeout) { [unowned self] result in
                if case .failure(let error) = result, error.code == .server {
                    self.execute(self.machine.handshakeRefused(command: arguments[0], message: error.message))
                }
            }
        }
    }

    private func connectFailed(_ error: RedisError) {
        var error = error
        if let explanation = explainFailure() { error.message += " (\(explanation))" }
        execute(machine.connectFailed(error))
    }

    private func send(_ command: RedisCommand) {
        guard let context else { return execute(machine.sendFailed(command)) }
        let privdata = Unmanaged.passRetained(command).toOpaque()
        let status = command.withArgv { argc, argv, argvlen in
            redisAsyncCommandArgv(context, { _, reply, privdata in
                guard let privdata else { return }
                let command = Unmanaged<RedisCommand>.fromOpaque(privdata).takeRetainedValue()
                command.connection?.didReply(to: command, reply: reply?.assumingMemoryBound(to: redisReply.self))
            }, privdata, argc, argv, argvlen)
        }
        if status != REDIS_OK {
            Unmanaged<RedisCommand>.fromOpaque(privdata).release()
            return execute(machine.sendFailed(command))
        }
        command.connection = self
    }

    private func didReply(to command: RedisCommand, reply: UnsafeMutablePointer<redisReply>?) {
        guard let reply else {
            return execute(machine.replyMissing(command, explanation: explainFailure()))
        }
        execute(machine.replyReceived(command, RedisValue(reply: reply)))
    }

    private func didConnect(_ context: UnsafeRawPointer, status: Int32) {
        guard let current = self.context, UnsafeRawPointer(current) == context else { return }
        if status == REDIS_OK {
            execute(machine.connected())
        } else {
            // hiredis frees the context right after this callback returns.
            let message = current.pointee.errstr.map { String(cString: $0) } ?? "connect failed"
            self.context = nil
            connectFailed(RedisError(.connectionFailed, message: "\(configuration.endpoint): \(message)"))
        }
    }

    private func didDisconnect(_ context: UnsafeRawPointer) {
        guard let current = self.context, UnsafeRawPointer(current) == context else { return }
        // hiredis frees the context after this callback returns.
        self.context = nil
        execute(machine.connectionDropped())
    }
}
