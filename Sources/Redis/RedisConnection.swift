import CHiredis
import CUV
import Essentials
import Logging

/// One hiredis asynchronous connection, attached to a libuv loop.
///
/// Every method runs on the loop thread: the client hops there with
/// `RedisEventLoop.execute`. Commands pipeline freely; replies arrive in order. A
/// dropped connection fails what was in flight with `connectionLost` and reconnects
/// with exponential backoff; commands sent meanwhile wait for the new connection.
///
/// Why @unchecked Sendable is safe: the connection is created on any thread but its
/// state is first read by `start()`, which runs on the loop thread after the handoff
/// through `RedisEventLoop.execute` (a Mutex, hence a happens-before edge); from then
/// on every method runs on that one thread, from `execute` closures or libuv callbacks.
final class RedisConnection: @unchecked Sendable {
    private let loop: RedisEventLoop
    private let configuration: RedisConfiguration
    private let logger: Logger
    /// Owned context; hiredis frees it after its disconnect callback, so it is cleared there.
    private var context: UnsafeMutablePointer<redisAsyncContext>?
    private var inFlight = CommandFIFO()
    private var parked: [RedisCommand] = []
    private var reconnectDelay: Duration
    private var reconnectPending = false
    private var closed = false
    private var lastFailure: RedisError?
    private var failedAttempts = 0
    /// Explains drops the connection cannot see itself (a TLS relay's handshake failure).
    var explainFailure: (() -> String?)?
    /// Set when the connection can never work (bad TLS configuration); every command fails with it.
    var unusable: RedisError?

    init(loop: RedisEventLoop, configuration: RedisConfiguration, logger: Logger) {
        self.loop = loop
        self.configuration = configuration
        self.logger = logger
        self.reconnectDelay = configuration.minimumReconnectDelay
    }

    /// Opens the connection and starts watching deadlines. Loop thread only.
    func start() {
        loop.addTickHandler(for: self) { [unowned self] in self.checkDeadlines() }
        connect()
    }

    /// Sends `command`, or parks it until a connection exists. Loop thread only.
    func submit(_ command: RedisCommand) {
        if let unusable {
            command.finish(.failure(RedisError(unusable.code, command: command.name, message: unusable.message)))
            return
        }
        if closed {
            command.finish(.failure(RedisError(.closed, command: command.name, message: "client closed")))
            return
        }
        command.deadline = uv_now(loop.uvLoop) + UInt64(command.timeout.milliseconds)
        guard let context else {
            parked.append(command)
            return
        }
        send(command, on: context)
    }

    /// Drops the connection at once, failing whatever is pending. Loop thread only.
    func close() {
        closed = true
        loop.removeTickHandler(for: self)
        if let context {
            self.context = nil
            redisAsyncFree(context)
        }
        let error = RedisError(.closed, message: "client closed")
        for command in parked { command.finish(.failure(error)) }
        parked.removeAll()
        while let command = inFlight.popFirst() { command.finish(.failure(error)) }
    }

    private func connect() {
        reconnectPending = false
        guard !closed else { return }
        let created: UnsafeMutablePointer<redisAsyncContext>?
        switch configuration.endpoint {
        case .tcp(let host, let port): created = redisAsyncConnect(host, Int32(port))
        case .unix(let path): created = redisAsyncConnectUnix(path)
        }
        guard let created else {
            connectionFailed(RedisError(.connectionFailed, message: "out of memory creating a connection"))
            return
        }
        if created.pointee.err != 0 {
            let message = created.pointee.errstr.map { String(cString: $0) } ?? "error \(created.pointee.err)"
            redisAsyncFree(created)
            connectionFailed(RedisError(.connectionFailed, message: "\(configuration.endpoint): \(message)"))
            return
        }
        created.pointee.data = Unmanaged.passUnretained(self).toOpaque()
        guard redisLibuvAttach(created, loop.uvLoop) == REDIS_OK else {
            redisAsyncFree(created)
            connectionFailed(RedisError(.connectionFailed, message: "could not attach to the event loop"))
            return
        }
        redisAsyncSetConnectCallback(created) { context, status in
            guard let data = context?.pointee.data else { return }
            let connection = Unmanaged<RedisConnection>.fromOpaque(data).takeUnretainedValue()
            connection.didConnect(UnsafeRawPointer(context!), status: status)
        }
        redisAsyncSetDisconnectCallback(created) { context, status in
            guard let data = context?.pointee.data else { return }
            let connection = Unmanaged<RedisConnection>.fromOpaque(data).takeUnretainedValue()
            connection.didDisconnect(UnsafeRawPointer(context!), status: status)
        }
        context = created
        sendHandshake(on: created)
        let waiting = parked
        parked.removeAll()
        for command in waiting { send(command, on: created) }
    }

    private func sendHandshake(on context: UnsafeMutablePointer<redisAsyncContext>) {
        var handshake: [[String]] = []
        if let password = configuration.password {
            handshake.append(configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password])
        }
        if configuration.database != 0 { handshake.append(["SELECT", String(configuration.database)]) }
        for arguments in handshake {
            let command = RedisCommand(arguments: arguments, timeout: configuration.commandTimeout) {
                [unowned self] result in
                if case .failure(let error) = result, error.code == .server {
                    let failure = RedisError(.authentication, command: arguments[0], message: error.message)
                    self.logger.error("redis handshake refused", metadata: ["error": "\(failure)"])
                    self.lastFailure = failure
                    self.reset(because: failure)
                }
            }
            command.deadline = uv_now(loop.uvLoop) + UInt64(command.timeout.milliseconds)
            send(command, on: context)
        }
    }

    private func send(_ command: RedisCommand, on context: UnsafeMutablePointer<redisAsyncContext>) {
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
            command.finish(.failure(RedisError(.connectionLost, command: command.name, message: "connection is closing")))
            return
        }
        command.connection = self
        inFlight.append(command)
    }

    private func didReply(to command: RedisCommand, reply: UnsafeMutablePointer<redisReply>?) {
        inFlight.remove(command)
        guard let reply else {
            var error = lastFailure ?? RedisError(.connectionLost, message: "connection dropped")
            if let explanation = explainFailure?() { error.message += " (\(explanation))" }
            command.finish(.failure(RedisError(error.code == .authentication ? .authentication : .connectionLost,
                                               command: command.name, message: error.message)))
            return
        }
        let value = RedisValue(reply: reply)
        if case .error(let message) = value {
            command.finish(.failure(RedisError(.server, command: command.name, message: message)))
        } else {
            command.finish(.success(value))
        }
    }

    private func didConnect(_ context: UnsafeRawPointer, status: Int32) {
        guard let current = self.context, UnsafeRawPointer(current) == context else { return }
        if status == REDIS_OK {
            if failedAttempts > 0 { logger.info("redis reconnected", metadata: ["endpoint": "\(configuration.endpoint)"]) }
            failedAttempts = 0
            reconnectDelay = configuration.minimumReconnectDelay
            if lastFailure?.code != .authentication { lastFailure = nil }
        } else {
            // hiredis frees the context right after this callback returns.
            let message = current.pointee.errstr.map { String(cString: $0) } ?? "connect failed"
            self.context = nil
            connectionFailed(RedisError(.connectionFailed, message: "\(configuration.endpoint): \(message)"))
        }
    }

    private func didDisconnect(_ context: UnsafeRawPointer, status: Int32) {
        guard let current = self.context, UnsafeRawPointer(current) == context else { return }
        // hiredis frees the context after this callback returns.
        self.context = nil
        guard !closed else { return }
        logger.warning("redis connection dropped", metadata: ["endpoint": "\(configuration.endpoint)"])
        scheduleReconnect()
    }

    private func connectionFailed(_ error: RedisError) {
        var error = error
        if let explanation = explainFailure?() { error.message += " (\(explanation))" }
        lastFailure = lastFailure?.code == .authentication ? lastFailure : error
        failedAttempts += 1
        if failedAttempts == 1 || failedAttempts % 50 == 0 {
            logger.warning("redis connect failed", metadata: ["error": "\(error)", "attempts": "\(failedAttempts)"])
        }
        // Commands that were waiting fail now rather than at their deadline, so callers see why.
        let waiting = parked
        parked.removeAll()
        for command in waiting {
            command.finish(.failure(RedisError(error.code, command: command.name, message: error.message)))
        }
        scheduleReconnect()
    }

    /// Drops a connection that is no longer trustworthy (timed out, handshake refused).
    private func reset(because error: RedisError) {
        guard let current = context else { return }
        context = nil
        lastFailure = error
        redisAsyncFree(current)  // fails everything in flight through the reply callbacks
        scheduleReconnect()
    }

    private func scheduleReconnect() {
        guard !closed, !reconnectPending else { return }
        reconnectPending = true
        let delay = reconnectDelay
        reconnectDelay = min(reconnectDelay * 2, configuration.maximumReconnectDelay)
        loop.schedule(after: delay) { [weak self] in self?.connect() }
    }

    private func checkDeadlines() {
        let now = uv_now(loop.uvLoop)
        var expired = false
        for command in parked where command.deadline <= now {
            let reason = lastFailure.map { " (last error: \($0.message))" } ?? ""
            command.finish(.failure(RedisError(.timeout, command: command.name, message: "no connection to Redis within \(command.timeout)\(reason)")))
        }
        parked.removeAll { $0.isFinished }
        if let oldest = inFlight.first, oldest.deadline <= now {
            oldest.finish(.failure(RedisError(.timeout, command: oldest.name, message: "no reply within \(oldest.timeout)")))
            expired = true
        }
        // Replies come in order, so a late reply means the connection is stuck: start over.
        if expired { reset(because: RedisError(.timeout, message: "command timed out")) }
    }
}

/// In-flight commands in send order; replies arrive in the same order.
struct CommandFIFO {
    private var items: [RedisCommand] = []
    private var head = 0

    var first: RedisCommand? { head < items.count ? items[head] : nil }

    mutating func append(_ command: RedisCommand) { items.append(command) }

    mutating func popFirst() -> RedisCommand? {
        guard head < items.count else { return nil }
        let command = items[head]
        head += 1
        compact()
        return command
    }

    /// Removes `command`, which is the first one unless the connection is being torn down.
    mutating func remove(_ command: RedisCommand) {
        if head < items.count, items[head] === command {
            head += 1
        } else if let index = items[head...].firstIndex(where: { $0 === command }) {
            items.remove(at: index)
        }
        compact()
    }

    private mutating func compact() {
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
    }
}
