import SIPAuth
import SIPSyntax
import Testing
@testable import SIPRegistration

/// RFC 3261 §10.2.4 granted expiry and the refresh timer.
struct RegistrationSuccessTests {
    private func binding(_ actions: [RegistrationAction]) -> RegistrationBinding? {
        for state in actions.states { if case .registered(let binding) = state { return binding } }
        return nil
    }

    @Test func grantedExpiresComesFromOurContactParameter() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let reply = Bed.ok(request, contact: "<sip:alice@192.0.2.4:5060>;expires=300, <sip:alice@198.51.100.9:5060>;expires=3600",
                           extra: [(.expires, "900")])
        let actions = machine.responseReceived(reply)
        let bound = try #require(binding(actions))
        #expect(bound.expires == 300)
        #expect(bound.contactSeen == Bed.udpContact)
        let refresh = try #require(actions.started.first)
        #expect(refresh.0 == .refresh)
        #expect(refresh.1 >= .seconds(240) && refresh.1 <= .seconds(270))
        #expect(bound.refreshAfter == refresh.1)
        #expect(machine.state == .registered(bound))
    }

    @Test func grantedExpiresFallsBackToTheExpiresHeader() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(request, contact: "<sip:alice@198.51.100.9>;expires=60", extra: [(.expires, "120")]))
        let bound = try #require(binding(actions))
        #expect(bound.expires == 120)
        #expect(bound.contactSeen == nil)
    }

    @Test func grantedExpiresFallsBackToWhatWeAsked() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: request, 200))
        #expect(binding(actions)?.expires == 600)
    }

    @Test func ourContactIsFoundByInstanceWhenTheRegistrarRewroteIt() throws {
        var machine = Bed.machine { $0.instanceID = Bed.instance }
        let request = try #require(machine.start().sent.first)
        let contact = "<sip:alice@10.9.9.9:7000;ob>;expires=45;+sip.instance=\"<\(Bed.instance)>\";reg-id=1"
        let actions = machine.responseReceived(Bed.ok(request, contact: contact, extra: [(.require, "outbound")]))
        let bound = try #require(binding(actions))
        #expect(bound.expires == 45)
        #expect(bound.outbound)
        #expect(bound.contactSeen?.host == .ipv4("10.9.9.9"))
    }

    @Test func outboundNeedsBothSides() throws {
        var withoutInstance = Bed.machine()
        let request = try #require(withoutInstance.start().sent.first)
        let actions = withoutInstance.responseReceived(Bed.ok(request, extra: [(.supported, "outbound, path")]))
        #expect(binding(actions)?.outbound == false)
    }

    @Test func serviceRouteIsRecorded() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(request, extra: [
            (SIPHeaderName("Service-Route"), "<sip:orig@scscf.example.com;lr>, <sip:pcscf.example.com;lr>"),
        ]))
        #expect(binding(actions)?.serviceRoute == [sipURI("sip:orig@scscf.example.com;lr"), sipURI("sip:pcscf.example.com;lr")])
    }

    @Test(arguments: [
        (3600, Duration.seconds(2880), Duration.seconds(3240)),
        (600, .seconds(480), .seconds(540)),
        (20, .seconds(16), .seconds(18)),
        (19, .seconds(17), .seconds(17)),
        (10, .seconds(8), .seconds(8)),
        (3, .seconds(1), .seconds(1)),
        (1, .seconds(1), .seconds(1)),
    ])
    func refreshTimerLiesInItsBounds(granted: Int, low: Duration, high: Duration) throws {
        for seed in UInt64(1)...25 {
            var machine = Bed.machine(seed: seed)
            let request = try #require(machine.start().sent.first)
            let actions = machine.responseReceived(Bed.ok(request, contact: "<sip:alice@192.0.2.4:5060>;expires=\(granted)"))
            let after = try #require(actions.started.first { $0.0 == .refresh }?.1)
            #expect(after >= low && after <= high, "granted \(granted), seed \(seed): \(after)")
        }
    }

    @Test func refreshJitterActuallyVaries() throws {
        var seen: Set<Duration> = []
        for seed in UInt64(1)...10 {
            var machine = Bed.machine(seed: seed)
            let request = try #require(machine.start().sent.first)
            let actions = machine.responseReceived(Bed.ok(request, contact: "<sip:alice@192.0.2.4:5060>;expires=3600"))
            seen.insert(try #require(actions.started.first?.1))
        }
        #expect(seen.count > 5)
    }

    @Test func refreshTimerSendsTheNextRegisterAndKeepsTheState() throws {
        var machine = Bed.machine()
        Bed.register(&machine)
        let registeredState = machine.state
        let actions = machine.timerFired(.refresh)
        #expect(actions.sent.count == 1)
        #expect(actions.states.isEmpty)
        #expect(machine.state == registeredState)
        #expect(actions.sent.first?.cseqNumber == 2)
    }

    @Test func provisionalAndStrayResponsesAreIgnored() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        #expect(machine.responseReceived(response(to: request, 100, "Trying")).isEmpty)
        var stray = Bed.ok(request)
        stray.headers.set(.cseq, "99 REGISTER")
        #expect(machine.responseReceived(stray).isEmpty)
        #expect(machine.state == .registering)
        #expect(!machine.responseReceived(Bed.ok(request)).isEmpty)
        #expect(machine.responseReceived(Bed.ok(request)).isEmpty)  // nothing outstanding any more
    }

    @Test func zeroGrantIsNotARegistration() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(request, contact: "<sip:alice@192.0.2.4:5060>;expires=0"))
        guard case .failed(.unexpected(200, _), let retry)? = actions.states.last else {
            Issue.record("expected a failure, got \(actions.states)")
            return
        }
        #expect(retry != nil)
    }
}
