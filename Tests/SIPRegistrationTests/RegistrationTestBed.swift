import SIPAuth
import SIPSyntax
@testable import SIPRegistration

/// The account most tests register: alice at example.com from 192.0.2.4 over UDP.
enum Bed {
    static let aor = sipURI("sip:alice@example.com")
    static let udpContact = sipURI("sip:alice@192.0.2.4:5060")
    static let tcpContact = sipURI("sip:alice@192.0.2.4:5060;transport=tcp")
    static let alice = UserCredentials(username: "alice", password: "secret")
    static let instance = "urn:uuid:00000000-0000-1000-8000-000A95A0E128"

    static func parameters(_ configure: (inout RegistrationParameters) -> Void = { _ in }) -> RegistrationParameters {
        var parameters = RegistrationParameters(
            aor: aor, contact: udpContact, displayName: "Alice Liddell", credentials: alice,
            requestedExpires: 600, userAgent: "Dialtone/test")
        configure(&parameters)
        return parameters
    }

    static func machine(seed: UInt64 = 7, _ configure: (inout RegistrationParameters) -> Void = { _ in }) -> RegistrationMachine {
        RegistrationMachine(parameters: parameters(configure), random: SeededRandom(seed: seed), cnonceSource: CountingCnonceSource())
    }

    static func challenge(_ nonce: String, stale: Bool = false, realm: String = "example.com") -> String {
        DigestChallenge(realm: realm, nonce: nonce, opaque: "op4que", stale: stale).headerValue
    }

    /// A 200 listing `contact` with `expires`.
    static func ok(_ request: SIPRequest, contact: String = "<sip:alice@192.0.2.4:5060>;expires=600", extra: [(SIPHeaderName, String)] = [], via: String? = nil) -> SIPResponse {
        let headers = [(SIPHeaderName.contact, contact)] + extra
        if let via { return response(to: request, 200, headers: headers, via: via) }
        return response(to: request, 200, headers: headers)
    }

    /// Drives `machine` from idle to registered without a challenge; returns the REGISTER.
    @discardableResult
    static func register(_ machine: inout RegistrationMachine) -> SIPRequest? {
        guard let request = machine.start().sent.first else { return nil }
        _ = machine.responseReceived(ok(request))
        return request
    }
}

extension SIPRequest {
    var cseqNumber: UInt32? { (try? headers.cseq)?.sequenceNumber }
    var contactAddresses: [SIPAddress] {
        guard case .addresses(let list)? = try? headers.contact else { return [] }
        return list
    }
}
