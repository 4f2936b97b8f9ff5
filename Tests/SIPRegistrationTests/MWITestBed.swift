import SIPAuth
import SIPSyntax
@testable import SIPRegistration

enum MWIBed {
    static let aor = sipURI("sip:alice@example.com")
    static let contact = sipURI("sip:alice@192.0.2.4:5060")
    static let notifierContact = "<sip:vm@198.51.100.10:5060>"

    static func machine(seed: UInt64 = 9, _ configure: (inout MWIParameters) -> Void = { _ in }) -> MWISubscriptionMachine {
        var parameters = MWIParameters(aor: aor, contact: contact, credentials: Bed.alice, userAgent: "Dialtone/test")
        configure(&parameters)
        return MWISubscriptionMachine(parameters: parameters, random: SeededRandom(seed: seed), cnonceSource: CountingCnonceSource())
    }

    /// The notifier's 200 with its tag, Contact and two Record-Routes (nearest to us last).
    static func accepted(_ request: SIPRequest, expires: Int = 3600, recordRoute: Bool = true) -> SIPResponse {
        var headers: [(SIPHeaderName, String)] = [(.contact, notifierContact), (.expires, String(expires))]
        if recordRoute {
            headers.append((.recordRoute, "<sip:proxy2.example.com;lr>, <sip:proxy1.example.com;lr>"))
        }
        return response(to: request, 200, headers: headers)
    }

    /// A NOTIFY in the subscription `request` created, from the notifier whose tag is `srv1`.
    static func notify(
        for request: SIPRequest, cseq: Int, state: String, body: String? = nil, fromTag: String = "srv1",
        event: String = "message-summary", recordRoute: String? = nil
    ) -> SIPRequest {
        var headers = SIPHeaders()
        headers.append(.via, "SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bKn\(cseq)")
        headers.append(.maxForwards, "70")
        // Our From (with our tag) is the NOTIFY's To; the notifier's identity is the From.
        headers.append(.to, request.headers[.from] ?? "")
        headers.append(.from, "<sip:alice@example.com>;tag=\(fromTag)")
        headers.append(.callID, request.headers[.callID] ?? "")
        headers.append(.cseq, "\(cseq) NOTIFY")
        headers.append(.contact, notifierContact)
        if let recordRoute { headers.append(.recordRoute, recordRoute) }
        headers.append(.event, event)
        headers.append(.subscriptionState, state)
        let bytes = Array((body ?? "").utf8)
        if body != nil { headers.append(.contentType, "application/simple-message-summary") }
        headers.append(.contentLength, String(bytes.count))
        return SIPRequest(method: .notify, uri: .sip(contact), headers: headers, body: bytes)
    }

    static let summaryBody = "Messages-Waiting: yes\r\nMessage-Account: sip:alice@vmail.example.com\r\nVoice-Message: 2/8 (0/2)\r\n"

    /// start → 200 → NOTIFY active: returns the initial SUBSCRIBE.
    @discardableResult
    static func subscribe(_ machine: inout MWISubscriptionMachine) -> SIPRequest? {
        guard let request = machine.start().sent.first else { return nil }
        _ = machine.responseReceived(accepted(request))
        _ = machine.notifyReceived(notify(for: request, cseq: 1, state: "active;expires=3600", body: summaryBody))
        return request
    }
}
