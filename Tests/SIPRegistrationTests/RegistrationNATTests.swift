import SIPSyntax
import Testing
@testable import SIPRegistration

/// RFC 3581 / RFC 5626 §5: the Contact follows the address the registrar saw, over UDP, once.
struct RegistrationNATTests {
    static let natVia = "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKtest;received=203.0.113.7;rport=40000"

    @Test func natIsDetectedAndTheContactRewrittenOnce() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(first, via: Self.natVia))
        let public_ = sipURI("sip:alice@203.0.113.7:40000")
        #expect(actions.rewrites.count == 1)
        #expect(actions.rewrites.first?.0 == Bed.udpContact)
        #expect(actions.rewrites.first?.1 == public_)
        #expect(machine.contact == public_)
        let second = try #require(actions.sent.first)
        // Without outbound the old binding goes in the same request (RFC 3261 §10.2.2).
        let contacts = second.contactAddresses
        #expect(contacts.count == 2)
        #expect(contacts.first?.uri == .sip(public_) && contacts.first?.expires == 600)
        #expect(contacts.last?.uri == .sip(Bed.udpContact) && contacts.last?.expires == 0)
        #expect(actions.states.isEmpty)
        let done = machine.responseReceived(Bed.ok(second, contact: "<sip:alice@203.0.113.7:40000>;expires=600", via: Self.natVia))
        #expect(done.rewrites.isEmpty && done.sent.isEmpty)
        guard case .registered(let binding)? = done.states.last else {
            Issue.record("\(done.states)")
            return
        }
        #expect(binding.contactSent == public_)
        #expect(binding.publicAddress == ObservedAddress(host: "203.0.113.7", port: 40000))
        // The next refresh no longer carries the removal.
        #expect(machine.timerFired(.refresh).sent.first?.contactAddresses.count == 1)
    }

    @Test func aChangingNATCannotMakeItLoop() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(Bed.ok(first, via: Self.natVia)).sent.first)
        let otherVia = "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKx;received=203.0.113.7;rport=40001"
        let done = machine.responseReceived(Bed.ok(second, contact: "<sip:alice@203.0.113.7:40000>;expires=600", via: otherVia))
        #expect(done.rewrites.isEmpty && done.sent.isEmpty)
        // Flip back to an address already used: still no rewrite to it again.
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        let back = machine.responseReceived(Bed.ok(refresh, contact: "<sip:alice@203.0.113.7:40000>;expires=600", via: Self.natVia))
        #expect(back.rewrites.isEmpty)
    }

    @Test func rportAloneIsEnough() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(first, via: "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKa;rport=6000"))
        #expect(actions.rewrites.first?.1 == sipURI("sip:alice@192.0.2.4:6000"))
    }

    @Test func noRewriteWhenTheRegistrarSawOurAddress() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(first, via: "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKa;received=192.0.2.4;rport=5060"))
        #expect(actions.rewrites.isEmpty)
        guard case .registered(let binding)? = actions.states.last else {
            Issue.record("\(actions.states)")
            return
        }
        #expect(binding.publicAddress == ObservedAddress(host: "192.0.2.4", port: 5060))
    }

    @Test func tcpContactIsNotRewrittenButTheAddressIsRecorded() throws {
        var machine = Bed.machine { $0.contact = Bed.tcpContact }
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(first, contact: "<sip:alice@192.0.2.4:5060;transport=tcp>;expires=600",
                                                      via: "SIP/2.0/TCP 192.0.2.4:5060;branch=z9hG4bKa;received=203.0.113.7;rport=51234"))
        #expect(actions.rewrites.isEmpty && actions.sent.isEmpty)
        guard case .registered(let binding)? = actions.states.last else {
            Issue.record("\(actions.states)")
            return
        }
        #expect(binding.publicAddress == ObservedAddress(host: "203.0.113.7", port: 51234))
        #expect(binding.contactSent == Bed.tcpContact)
    }

    @Test func withOutboundTheRegIDReplacesTheOldBinding() throws {
        var machine = Bed.machine { $0.instanceID = Bed.instance }
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(Bed.ok(first, via: Self.natVia)).sent.first)
        let contacts = second.contactAddresses
        #expect(contacts.count == 1)
        #expect(contacts.first?.uri == .sip(sipURI("sip:alice@203.0.113.7:40000")))
        #expect(contacts.first?.parameters.value("reg-id") == "1")
    }

    @Test func ipv6ReceivedIsRewrittenInBrackets() throws {
        var machine = Bed.machine { $0.contact = sipURI("sip:alice@[2001:db8::4]:5060") }
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(Bed.ok(first, contact: "<sip:alice@[2001:db8::4]:5060>;expires=600",
                                                      via: "SIP/2.0/UDP [2001:db8::4]:5060;branch=z9hG4bKa;received=2001:db8::99;rport=7000"))
        let rewritten = try #require(actions.rewrites.first?.1)
        #expect(rewritten.host == .ipv6("2001:db8::99"))
        #expect(rewritten.description == "sip:alice@[2001:db8::99]:7000")
    }
}
