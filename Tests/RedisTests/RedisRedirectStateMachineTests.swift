import Testing

@testable import Redis

/// What a cluster or sentinel client does after each attempt of a command, with no server.
@Suite struct RedisRedirectStateMachineTests {
    let node = RedisConfiguration.Endpoint.tcp(host: "127.0.0.1", port: 7000)

    func server(_ message: String) -> Result<RedisValue, RedisError> {
        .failure(RedisError(.server, command: "GET", message: message))
    }

    @Test func repliesAndOrdinaryErrorsAreDelivered() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        #expect(machine.decide(.success(.status("OK")), from: node, elapsed: .zero) == .deliver)
        #expect(machine.decide(server("WRONGTYPE Operation against a key"), from: node, elapsed: .zero) == .deliver)
        #expect(machine.decide(.failure(RedisError(.closed, message: "client closed")), from: node, elapsed: .zero) == .deliver)
    }

    @Test func movedSendsToTheNamedNodeAndRecordsTheSlot() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        #expect(machine.decide(server("MOVED 3999 127.0.0.1:7001"), from: node, elapsed: .zero)
            == .moved(slot: 3999, to: .tcp(host: "127.0.0.1", port: 7001)))
        // A node that does not know its host names only the port: it is on the replying node's host.
        #expect(machine.decide(server("MOVED 3999 :7002"), from: .tcp(host: "10.1.1.1", port: 7000), elapsed: .zero)
            == .moved(slot: 3999, to: .tcp(host: "10.1.1.1", port: 7002)))
    }

    @Test func askSendsAskingToTheNamedNode() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        #expect(machine.decide(server("ASK 12182 127.0.0.1:7002"), from: node, elapsed: .zero) == .ask(.tcp(host: "127.0.0.1", port: 7002)))
    }

    @Test func redirectsEndAfterTheLimit() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        for _ in 0..<machine.maximumRedirects {
            #expect(machine.decide(server("MOVED 1 127.0.0.1:7001"), from: node, elapsed: .zero) != .deliver)
        }
        #expect(machine.decide(server("MOVED 1 127.0.0.1:7001"), from: node, elapsed: .zero) == .deliver)
    }

    @Test func tryAgainAndClusterDownRetryWithGrowingBackoffWithinTheTimeout() {
        var machine = RedisRedirectStateMachine(timeout: .milliseconds(100), minimumBackoff: .milliseconds(10), maximumBackoff: .milliseconds(40))
        #expect(machine.decide(server("TRYAGAIN Multiple keys request during rehashing of slot"), from: node, elapsed: .zero)
            == .retry(after: .milliseconds(10), refreshTopology: false))
        #expect(machine.decide(server("CLUSTERDOWN The cluster is down"), from: node, elapsed: .milliseconds(10))
            == .retry(after: .milliseconds(20), refreshTopology: true))
        #expect(machine.decide(server("CLUSTERDOWN The cluster is down"), from: node, elapsed: .milliseconds(30))
            == .retry(after: .milliseconds(40), refreshTopology: true))
        #expect(machine.decide(server("CLUSTERDOWN The cluster is down"), from: node, elapsed: .milliseconds(50))
            == .retry(after: .milliseconds(40), refreshTopology: true))
        // The next wait would end past the timeout: the error is the answer.
        #expect(machine.decide(server("CLUSTERDOWN The cluster is down"), from: node, elapsed: .milliseconds(70)) == .deliver)
    }

    @Test func aDemotedMasterIsLeftForTheNewOne() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        #expect(machine.decide(server("READONLY You can't write against a read only replica."), from: node, elapsed: .zero)
            == .retry(after: .milliseconds(10), refreshTopology: true))
        // A blocked BLPOP on a master that became a replica popped nothing: it may wait again on the new master.
        #expect(machine.decide(server("UNBLOCKED force unblock from blocking operation, instance state changed"), from: node, elapsed: .zero)
            == .retry(after: .milliseconds(20), refreshTopology: true))
    }

    @Test func aNodeThatCannotBeReachedIsRetriedButALostCommandIsNot() {
        var machine = RedisRedirectStateMachine(timeout: .seconds(1))
        // Never sent: safe to send again once the topology is fresh.
        #expect(machine.decide(.failure(RedisError(.connectionFailed, message: "refused")), from: node, elapsed: .zero)
            == .retry(after: .milliseconds(10), refreshTopology: true))
        // Perhaps run: sending it again could run it twice, so the caller decides; the topology is refreshed.
        #expect(machine.decide(.failure(RedisError(.connectionLost, message: "dropped")), from: node, elapsed: .zero) == .deliverAndRefresh)
        #expect(machine.decide(.failure(RedisError(.timeout, message: "no reply")), from: node, elapsed: .zero) == .deliverAndRefresh)
        // Out of time, a node that cannot be reached is the answer too.
        #expect(machine.decide(.failure(RedisError(.connectionFailed, message: "refused")), from: node, elapsed: .seconds(1))
            == .deliverAndRefresh)
    }
}
