import SIPAuth
import SIPSyntax
import Testing
@testable import SIPRegistration

/// RFC 3261 §10.2: what a REGISTER carries.
struct RegisterRequestTests {
    @Test func firstRegisterCarriesTheRFC3261Headers() throws {
        var machine = Bed.machine()
        let actions = machine.start()
        #expect(actions.states == [.registering])
        let request = try #require(actions.sent.first)
        #expect(actions.sent.count == 1)
        #expect(request.method == .register)
        #expect(request.uri == .sip(sipURI("sip:example.com")))
        #expect(request.headers[.via] == nil)
        #expect(request.headers[.maxForwards] == "70")
        let to = try #require(try request.headers.to)
        let from = try #require(try request.headers.from)
        #expect(to.uri == .sip(Bed.aor) && from.uri == .sip(Bed.aor))
        #expect(to.tag == nil)
        #expect((from.tag?.count ?? 0) >= 8)
        #expect(from.displayName == "Alice Liddell")
        #expect(request.cseqNumber == 1)
        #expect(try request.headers.cseq?.method == .register)
        #expect(request.headers[.callID] == machine.callID)
        let contact = try #require(request.contactAddresses.first)
        #expect(contact.uri == .sip(Bed.udpContact))
        #expect(contact.expires == 600)
        #expect(request.headers[.expires] == "600")
        #expect(request.headers[.userAgent] == "Dialtone/test")
        #expect(try request.headers.allow.contains(.invite))
        #expect(try request.headers.supported == ["replaces"])
        #expect(request.headers[.contentLength] == "0")
        #expect(request.headers[.authorization] == nil)
        #expect(request.body.isEmpty)
    }

    @Test func registerSurvivesTheWire() throws {
        var machine = Bed.machine { $0.extraHeaders = [("X-Account", "main")] }
        let request = try #require(machine.start().sent.first)
        let parsed = try #require(try roundTrip(request))
        #expect(parsed.headers[SIPHeaderName("X-Account")] == "main")
        #expect(parsed.contactAddresses.first?.expires == 600)
        #expect(parsed.uri == request.uri)
    }

    @Test func registrarDefaultsToTheAORDomain() {
        let parameters = RegistrationParameters(aor: sipURI("sips:bob@voip.example.org:5071"), contact: Bed.udpContact)
        #expect(parameters.registrar == sipURI("sips:voip.example.org:5071"))
        let configured = RegistrationParameters(aor: Bed.aor, registrar: sipURI("sip:registrar.example.net"), contact: Bed.udpContact)
        #expect(configured.registrar == sipURI("sip:registrar.example.net"))
    }

    @Test func outboundAddsInstanceRegIDAndSupported() throws {
        var machine = Bed.machine { $0.instanceID = Bed.instance; $0.regID = 2 }
        let request = try #require(machine.start().sent.first)
        let contact = try #require(request.contactAddresses.first)
        #expect(contact.parameters.value("reg-id") == "2")
        // RFC 5626 §5.2: a quoted string holding the URN in angle brackets.
        #expect(contact.parameters.value("+sip.instance") == "\"<\(Bed.instance)>\"")
        let supported = try request.headers.supported
        #expect(supported.contains("outbound") && supported.contains("path"))
        let wire = String(decoding: request.serialized(), as: UTF8.self)
        #expect(wire.contains(";reg-id=2;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";expires=600"))
    }

    @Test func instanceGivenWithBracketsIsNotDoubled() throws {
        var machine = Bed.machine { $0.instanceID = "<\(Bed.instance)>" }
        let request = try #require(machine.start().sent.first)
        #expect(request.contactAddresses.first?.parameters.value("+sip.instance") == "\"<\(Bed.instance)>\"")
    }

    @Test func callIDAndTagComeFromTheInjectedGenerator() throws {
        var first = Bed.machine(seed: 11)
        var again = Bed.machine(seed: 11)
        var other = Bed.machine(seed: 12)
        let a = try #require(first.start().sent.first)
        let b = try #require(again.start().sent.first)
        let c = try #require(other.start().sent.first)
        #expect(a.headers[.callID] == b.headers[.callID])
        #expect(a.headers[.from] == b.headers[.from])
        #expect(a.headers[.callID] != c.headers[.callID])
        #expect(a.headers[.from] != c.headers[.from])
    }

    @Test func cseqGrowsByOneAndCallIDStaysAcrossEveryRequest() throws {
        var machine = Bed.machine()
        var requests: [SIPRequest] = []
        let first = try #require(machine.start().sent.first)
        requests.append(first)
        let challenged = machine.responseReceived(response(to: first, 401, "Unauthorized", headers: [(.wwwAuthenticate, Bed.challenge("n1"))]))
        requests += challenged.sent
        _ = machine.responseReceived(Bed.ok(try #require(challenged.sent.first)))
        requests += machine.timerFired(.refresh).sent
        _ = machine.responseReceived(Bed.ok(try #require(requests.last)))
        requests += machine.refreshNow().sent
        _ = machine.responseReceived(Bed.ok(try #require(requests.last)))
        requests += machine.stop().sent
        #expect(requests.count == 5)
        #expect(requests.map(\.cseqNumber) == [1, 2, 3, 4, 5])
        #expect(Set(requests.map { $0.headers[.callID] }).count == 1)
        #expect(Set(requests.map { try? $0.headers.from?.tag }).count == 1)
    }
}
