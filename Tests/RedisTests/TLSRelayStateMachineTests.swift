import Testing

@testable import Redis

/// The TLS relay's transitions, with no sockets or OpenSSL.
@Suite struct TLSRelayStateMachineTests {
    func handshaking() -> TLSRelayStateMachine {
        var machine = TLSRelayStateMachine()
        _ = machine.resolved()
        _ = machine.remoteConnected()
        return machine
    }

    func write(_ text: String, to machine: inout TLSRelayStateMachine) -> TLSRelayStateMachine.LocalBytesAction {
        Array(text.utf8).withUnsafeBytes { machine.localBytes($0) }
    }

    @Test func connectsThenHandshakesThenRelays() {
        var machine = TLSRelayStateMachine()
        let resolved = machine.resolved()
        #expect(resolved)
        #expect(machine.state == .connecting && machine.canWriteRemote)
        #expect(machine.remoteConnected() == [.startHandshake])
        #expect(machine.remoteBytes() == [.continueHandshake])
        #expect(machine.handshakeCompleted() == [.decrypt])
        #expect(machine.state == .relaying)
        #expect(write("PING", to: &machine) == .encrypt)
        #expect(machine.remoteBytes() == [.decrypt])
    }

    @Test func bytesWrittenBeforeTheHandshakeEndsGoOutInOrderAfterIt() {
        var machine = TLSRelayStateMachine()
        #expect(write("AUTH ", to: &machine) == .none)
        _ = machine.resolved()
        _ = machine.remoteConnected()
        #expect(write("x", to: &machine) == .none)
        #expect(machine.handshakeCompleted() == [.encrypt(Array("AUTH x".utf8)), .decrypt])
    }

    @Test func theServerHangingUpDuringTheHandshakeIsAFailureAfterItIsNot() {
        var during = handshaking()
        #expect(during.remoteClosed() == [.close(remoteHandleOpen: true, reason: "server closed the connection during the TLS handshake")])
        var after = handshaking()
        _ = after.handshakeCompleted()
        #expect(after.remoteClosed() == [.close(remoteHandleOpen: true, reason: nil)])
    }

    @Test func aFailureBeforeTheTCPConnectionFreesTheUnopenedRemoteHandle() {
        var machine = TLSRelayStateMachine()
        #expect(machine.failed("cannot resolve nowhere") == [.close(remoteHandleOpen: false, reason: "cannot resolve nowhere")])
        #expect(!machine.canWriteRemote)
    }

    @Test func closingIsOnceAndLaterEventsDoNothing() {
        var machine = handshaking()
        #expect(machine.peerClosed() == [.close(remoteHandleOpen: true, reason: nil)])
        #expect(machine.close(reason: "again").isEmpty)
        #expect(machine.failed("late").isEmpty)
        #expect(machine.remoteBytes().isEmpty)
        #expect(machine.handshakeCompleted().isEmpty)
        #expect(write("PING", to: &machine) == .none)
        #expect(!machine.canWriteRemote && machine.isClosed)
    }

    @Test func aRelayClosedWhileResolvingNeverOpensTheRemote() {
        var machine = TLSRelayStateMachine()
        _ = machine.close(reason: nil)
        let resolved = machine.resolved()
        #expect(!resolved)
        #expect(machine.remoteConnected().isEmpty)
    }
}
