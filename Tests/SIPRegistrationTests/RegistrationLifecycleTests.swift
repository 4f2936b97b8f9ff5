import SIPSyntax
import Testing
@testable import SIPRegistration

/// stop(), flowFailed(), refreshNow(), updateContact() and the one-outstanding-REGISTER rule.
struct RegistrationLifecycleTests {
    @Test func stopRemovesOnlyOurBinding() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let actions = machine.stop()
        #expect(actions.states == [.unregistering])
        #expect(Set(actions.cancelled) == [.refresh, .retry])
        let request = try #require(actions.sent.first)
        #expect(request.headers[.expires] == "0")
        #expect(request.headers[.contact] != "*")
        #expect(request.contactAddresses.count == 1)
        #expect(request.contactAddresses.first?.uri == .sip(Bed.udpContact))
        #expect(request.contactAddresses.first?.expires == 0)
        let done = machine.responseReceived(response(to: request, 200))
        #expect(done.states == [.unregistered])
        #expect(machine.stop().isEmpty)
    }

    @Test func stopWithoutABindingIsImmediate() {
        var machine = Bed.machine()
        let actions = machine.stop()
        #expect(actions.sent.isEmpty)
        #expect(actions.states == [.unregistered])
    }

    @Test func stopAfterAFailedFirstRegistrationSendsNothing() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        _ = machine.responseReceived(response(to: request, 403, "Forbidden"))
        let actions = machine.stop()
        #expect(actions.sent.isEmpty)
        #expect(actions.cancelled.contains(.retry))
        #expect(actions.states == [.unregistered])
    }

    @Test func stopWhileRegisteringWaitsForTheAnswer() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let stopping = machine.stop()
        #expect(stopping.sent.isEmpty)
        #expect(stopping.states == [.unregistering])
        let afterOK = machine.responseReceived(Bed.ok(request))
        let unregister = try #require(afterOK.sent.first)
        #expect(unregister.headers[.expires] == "0")
        #expect(afterOK.states.isEmpty)  // never shown as registered
        #expect(machine.responseReceived(response(to: unregister, 200)).states == [.unregistered])
    }

    @Test func stopWhileRegisteringThatFailsEndsUnregistered() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        _ = machine.stop()
        let actions = machine.responseReceived(localResponse(to: request, 408), origin: .localTimeout)
        #expect(actions.sent.isEmpty && actions.started.isEmpty)
        #expect(actions.states == [.unregistered])
    }

    @Test func unregisterIsAuthenticatedWhenChallenged() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let unregister = try #require(machine.stop().sent.first)
        let answer = try #require(machine.responseReceived(response(to: unregister, 401, headers: [(.wwwAuthenticate, Bed.challenge("u1"))])).sent.first)
        #expect(answer.headers[.expires] == "0")
        #expect(verifyDigest(in: answer, user: Bed.alice).0 == .valid)
        #expect(machine.responseReceived(response(to: answer, 200)).states == [.unregistered])
    }

    @Test func unregisterTimeoutStillEndsUnregistered() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let unregister = try #require(machine.stop().sent.first)
        let actions = machine.responseReceived(localResponse(to: unregister, 408), origin: .localTimeout)
        #expect(actions.states == [.unregistered])
        #expect(actions.started.isEmpty)
    }

    @Test func startAgainAfterStop() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let unregister = try #require(machine.stop().sent.first)
        _ = machine.responseReceived(response(to: unregister, 200))
        let again = machine.start()
        #expect(again.states == [.registering])
        #expect(again.sent.first?.headers[.expires] == "600")
        #expect(again.sent.first?.cseqNumber == 3)
    }

    @Test func flowFailureReRegistersAtOnce() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let actions = machine.flowFailed()
        #expect(actions.states == [.registering])
        #expect(actions.cancelled.contains(.refresh))
        let request = try #require(actions.sent.first)
        let failed = machine.responseReceived(localResponse(to: request, 503), origin: .localTransportError("flow lost"))
        guard case .failed(.transportError("flow lost"), let retry?)? = failed.states.last else {
            Issue.record("\(failed.states)")
            return
        }
        #expect(retry >= .seconds(30) && retry <= .seconds(60))
    }

    @Test func flowFailureWhenIdleDoesNothing() {
        var machine = Bed.machine()
        #expect(machine.flowFailed().isEmpty)
    }

    @Test func refreshNowWhileOutstandingWaitsForTheAnswer() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        #expect(machine.refreshNow().isEmpty)
        #expect(machine.timerFired(.refresh).isEmpty)
        let afterOK = machine.responseReceived(Bed.ok(request))
        let next = try #require(afterOK.sent.first)
        #expect(afterOK.sent.count == 1)
        #expect(next.cseqNumber == 2)
        #expect(afterOK.started.isEmpty)  // the refresh timer waits for this REGISTER's answer
        let done = machine.responseReceived(Bed.ok(next))
        #expect(done.started.first?.0 == .refresh)
    }

    @Test func refreshNowAfterFailureRetriesAtOnce() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        _ = machine.responseReceived(response(to: request, 500, "Server Internal Error"))
        let actions = machine.refreshNow()
        #expect(actions.cancelled.contains(.retry))
        #expect(actions.states == [.registering])
        #expect(actions.sent.count == 1)
    }

    @Test func userRefreshOutlivesAFailureWhileOutstanding() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        _ = machine.refreshNow()
        let actions = machine.responseReceived(response(to: request, 500, "Server Internal Error"))
        #expect(actions.sent.count == 1)
        #expect(machine.state == .registering)
    }

    @Test func updateContactReplacesTheBinding() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let moved = sipURI("sip:alice@198.51.100.23:5060")
        let actions = machine.updateContact(moved)
        #expect(actions.states == [.registering])
        let request = try #require(actions.sent.first)
        #expect(request.contactAddresses.map(\.uri) == [.sip(moved), .sip(Bed.udpContact)])
        #expect(request.contactAddresses.map(\.expires) == [600, 0])
        #expect(machine.updateContact(moved).isEmpty)
    }

    @Test func updateContactWhileTheFirstRegisterIsOutRemovesTheOldOneLater() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let moved = sipURI("sip:alice@198.51.100.23:5060")
        #expect(machine.updateContact(moved).isEmpty)
        let afterOK = machine.responseReceived(Bed.ok(request))
        let next = try #require(afterOK.sent.first)
        #expect(next.contactAddresses.map(\.uri) == [.sip(moved), .sip(Bed.udpContact)])
        #expect(next.contactAddresses.map(\.expires) == [600, 0])
    }

    @Test func updateContactWhenIdleOnlyRemembers() throws {
        var machine = Bed.machine()
        let moved = sipURI("sip:alice@198.51.100.23:5060")
        #expect(machine.updateContact(moved).isEmpty)
        let request = try #require(machine.start().sent.first)
        #expect(request.contactAddresses.map(\.uri) == [.sip(moved)])
    }
}
