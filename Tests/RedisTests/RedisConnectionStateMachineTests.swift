import Testing

@testable import Redis

/// The connection's transitions, with no server: events in, actions out.
@Suite struct RedisConnectionStateMachineTests {
    /// A command whose outcome the test can read after an action finished it.
    final class Probe {
        var outcome: Result<RedisValue, RedisError>?
        lazy var command = RedisCommand(arguments: [name], timeout: .milliseconds(100)) { [unowned self] in self.outcome = $0 }
        let name: String
        init(_ name: String = "PING") { self.name = name }
    }

    func machine() -> RedisConnectionStateMachine {
        RedisConnectionStateMachine(minimumReconnectDelay: .milliseconds(50), maximumReconnectDelay: .milliseconds(150))
    }

    /// Carries out the finishing actions, as `RedisConnection` does, and returns the others' summaries.
    @discardableResult
    func run(_ actions: [RedisConnectionStateMachine.Action]) -> [String] {
        actions.compactMap { action in
            switch action {
            case .openConnection: return "open"
            case .send(let commands): return "send " + commands.map(\.name).joined(separator: ",")
            case .succeed(let command, let value):
                command.finish(.success(value))
                return nil
            case .fail(let command, let error):
                command.finish(.failure(error))
                return nil
            case .closeConnection: return "close"
            case .scheduleReconnect(let delay): return "reconnect in \(Int(delay / .milliseconds(1)))"
            case .log(let event):
                switch event {
                case .connectFailed(_, let attempts): return "log connect failed \(attempts)"
                case .reconnected: return "log reconnected"
                case .dropped: return "log dropped"
                case .handshakeRefused: return "log handshake refused"
                }
            }
        }
    }

    func run(_ action: RedisConnectionStateMachine.CommandAction) -> String {
        switch action {
        case .none: return "none"
        case .send(let command): return "send \(command.name)"
        case .succeed(let command, let value):
            command.finish(.success(value))
            return "succeed"
        case .fail(let command, let error):
            command.finish(.failure(error))
            return "fail"
        }
    }

    func connected() -> RedisConnectionStateMachine {
        var machine = machine()
        run(machine.start(unusable: nil))
        run(machine.connectionOpened(handshake: [], now: 0))
        run(machine.connected())
        return machine
    }

    @Test func commandsParkUntilTheContextOpensThenFollowTheHandshake() {
        var machine = machine()
        let early = Probe("GET")
        #expect(run(machine.submit(early.command, now: 0)) == "none")
        #expect(run(machine.start(unusable: nil)) == ["open"])
        #expect(machine.state == .connecting)
        let auth = Probe("AUTH")
        #expect(run(machine.connectionOpened(handshake: [auth.command], now: 0)) == ["send AUTH,GET"])
        #expect(machine.inFlightCount == 2 && machine.parkedCount == 0)
        #expect(run(machine.connected()).isEmpty)
        #expect(machine.state == .connected)
    }

    @Test func repliesFinishCommandsAndErrorRepliesAreServerErrors() {
        var machine = connected()
        let get = Probe("GET"), bad = Probe("HGET")
        #expect(run(machine.submit(get.command, now: 0)) == "send GET")
        #expect(run(machine.submit(bad.command, now: 0)) == "send HGET")
        #expect(run(machine.replyReceived(get.command, .bulk(Array("v".utf8)))) == "succeed")
        #expect(run(machine.replyReceived(bad.command, .error("WRONGTYPE no"))) == "fail")
        #expect(get.value == .bulk(Array("v".utf8)))
        #expect(bad.error == RedisError(.server, command: "HGET", message: "WRONGTYPE no"))
        #expect(machine.inFlightCount == 0)
    }

    @Test func aDropFailsInFlightCommandsAndReconnectsWithDoublingBackoff() {
        var machine = connected()
        let get = Probe("GET")
        _ = machine.submit(get.command, now: 0)
        #expect(run(machine.replyMissing(get.command, explanation: nil)) == "fail")
        #expect(get.error == RedisError(.connectionLost, command: "GET", message: "connection dropped"))
        #expect(run(machine.connectionDropped()) == ["log dropped", "reconnect in 50"])
        #expect(machine.state == .backingOff)
        let parked = Probe("SET")
        #expect(run(machine.submit(parked.command, now: 0)) == "none")
        #expect(run(machine.reconnectTimerFired()) == ["open"])
        #expect(run(machine.connectFailed(RedisError(.connectionFailed, message: "refused"))) == ["log connect failed 1", "reconnect in 100"])
        // Waiting commands learn why at once instead of at their deadline.
        #expect(parked.error == RedisError(.connectionFailed, command: "SET", message: "refused"))
        run(machine.reconnectTimerFired())
        #expect(run(machine.connectFailed(RedisError(.connectionFailed, message: "refused"))) == ["reconnect in 150"])
        run(machine.reconnectTimerFired())
        #expect(run(machine.connectFailed(RedisError(.connectionFailed, message: "refused"))) == ["reconnect in 150"])
        run(machine.reconnectTimerFired())
        run(machine.connectionOpened(handshake: [], now: 0))
        #expect(run(machine.connected()) == ["log reconnected"])
        // A successful connect resets the backoff.
        #expect(run(machine.connectionDropped()) == ["log dropped", "reconnect in 50"])
    }

    @Test func aCommandHandedToAContextWhoseConnectFailedFailsAsNeverSent() {
        var machine = machine()
        run(machine.start(unusable: nil))
        run(machine.connectionOpened(handshake: [], now: 0))
        let get = Probe("GET")
        #expect(run(machine.submit(get.command, now: 0)) == "send GET")
        run(machine.connectFailed(RedisError(.connectionFailed, message: "127.0.0.1:7000: Connection refused")))
        // hiredis hands the buffered command back after the failed connect: it never reached a server, so a
        // cluster client may send it elsewhere.
        #expect(run(machine.replyMissing(get.command, explanation: nil)) == "fail")
        #expect(get.error == RedisError(.connectionFailed, command: "GET", message: "127.0.0.1:7000: Connection refused"))
    }

    @Test func aRefusedHandshakeDropsTheContextAndFailsTheRestAsAuthentication() {
        var machine = machine()
        run(machine.start(unusable: nil))
        let auth = Probe("AUTH"), get = Probe("GET")
        _ = machine.submit(get.command, now: 0)
        run(machine.connectionOpened(handshake: [auth.command], now: 0))
        #expect(run(machine.replyReceived(auth.command, .error("WRONGPASS invalid"))) == "fail")
        #expect(run(machine.handshakeRefused(command: "AUTH", message: "WRONGPASS invalid"))
            == ["log handshake refused", "close", "reconnect in 50"])
        // Freeing the context hands back what was in flight.
        #expect(run(machine.replyMissing(get.command, explanation: nil)) == "fail")
        #expect(get.error == RedisError(.authentication, command: "GET", message: "WRONGPASS invalid"))
        // The refusal sticks through later connect failures until a handshake succeeds.
        run(machine.reconnectTimerFired())
        run(machine.connectFailed(RedisError(.connectionFailed, message: "refused")))
        let later = Probe("GET")
        _ = machine.submit(later.command, now: 0)
        run(machine.tick(now: 1_000))
        #expect(later.error?.message == "no connection to Redis within 0.1 seconds (last error: WRONGPASS invalid)")
    }

    @Test func aLateReplyTimesOutTheOldestCommandAndResetsTheConnection() {
        var machine = connected()
        let slow = Probe("GET"), next = Probe("SET")
        _ = machine.submit(slow.command, now: 0)
        _ = machine.submit(next.command, now: 50)
        #expect(run(machine.tick(now: 99)).isEmpty)
        #expect(run(machine.tick(now: 100)) == ["close", "reconnect in 50"])
        #expect(slow.error == RedisError(.timeout, command: "GET", message: "no reply within 0.1 seconds"))
        #expect(run(machine.replyMissing(slow.command, explanation: nil)) == "none")
        #expect(run(machine.replyMissing(next.command, explanation: "TLS handshake failed")) == "fail")
        #expect(next.error == RedisError(.connectionLost, command: "SET", message: "command timed out (TLS handshake failed)"))
        // A reply for a command that already timed out is dropped.
        #expect(run(machine.replyReceived(slow.command, .status("OK"))) == "none")
    }

    @Test func closeFailsParkedCommandsAndRefusesNewOnes() {
        var machine = machine()
        let parked = Probe("GET")
        _ = machine.submit(parked.command, now: 0)
        #expect(run(machine.close()).isEmpty)
        #expect(parked.error == RedisError(.closed, command: "GET", message: "client closed"))
        let late = Probe("SET")
        #expect(run(machine.submit(late.command, now: 0)) == "fail")
        #expect(late.error?.code == .closed)
        #expect(run(machine.reconnectTimerFired()).isEmpty)
    }

    @Test func closeWithAContextFreesItAndNeverReconnects() {
        var machine = connected()
        let inFlight = Probe("GET")
        _ = machine.submit(inFlight.command, now: 0)
        #expect(run(machine.close()) == ["close"])
        #expect(run(machine.replyMissing(inFlight.command, explanation: nil)) == "fail")
        #expect(run(machine.connectionDropped()).isEmpty)
        #expect(machine.state == .closed)
    }

    @Test func anUnusableConnectionNeverConnectsAndFailsEveryCommandWithTheReason() {
        var machine = machine()
        let early = Probe("GET")
        _ = machine.submit(early.command, now: 0)
        let reason = RedisError(.connectionFailed, message: "TLS: loading CA file /nope failed")
        #expect(run(machine.start(unusable: reason)).isEmpty)
        #expect(early.error == RedisError(.connectionFailed, command: "GET", message: reason.message))
        let late = Probe("SET")
        #expect(run(machine.submit(late.command, now: 0)) == "fail")
        #expect(late.error?.command == "SET")
    }

    @Test func hiredisRefusingASendFailsTheCommandAsLost() {
        var machine = connected()
        let get = Probe("GET")
        _ = machine.submit(get.command, now: 0)
        #expect(run(machine.sendFailed(get.command)) == "fail")
        #expect(get.error == RedisError(.connectionLost, command: "GET", message: "connection is closing"))
        #expect(machine.inFlightCount == 0)
    }
}

extension RedisConnectionStateMachineTests.Probe {
    var value: RedisValue? {
        guard case .success(let value) = outcome else { return nil }
        return value
    }

    var error: RedisError? {
        guard case .failure(let error) = outcome else { return nil }
        return error
    }
}
