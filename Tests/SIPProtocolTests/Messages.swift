import SIPProtocol
import SIPSyntax
import Testing

/// Test messages modelled on RFC 3261 §24.2 (Alice calls Bob through atlanta.com's proxy).
enum Messages {
    static let branch = "z9hG4bK776asdhds"
    static let sentBy = "pc33.atlanta.com"
    static let bobURI = URI.sip(SIPURI(user: "bob", host: .hostname("biloxi.com")))
    static let atlantaURI = URI.sip(SIPURI(host: .hostname("atlanta.com")))

    /// An INVITE as a stateful proxy's client transaction sends it: its own Via on top of Alice's
    /// (both in one comma-separated field, then a second field), a Route set, a Timestamp and a
    /// body — so that tests can tell "the top Via element" from "the Via header".
    static func invite() -> SIPRequest {
        SIPRequest(method: .invite, uri: bobURI, headers: [
            (.via, "SIP/2.0/UDP \(sentBy);branch=\(branch), SIP/2.0/UDP alice.atlanta.com;branch=z9hG4bKnashds8"),
            (.via, "SIP/2.0/UDP older.example.com;branch=z9hG4bK77ef4c2312983.1"),
            (.maxForwards, "69"),
            (.route, "<sip:p1.biloxi.com;lr>"),
            (.route, "<sip:p2.biloxi.com;lr>, <sip:p3.biloxi.com;lr>"),
            (.to, "Bob <sip:bob@biloxi.com>"),
            (.from, "Alice <sip:alice@atlanta.com>;tag=1928301774"),
            (.callID, "a84b4c76e66710@pc33.atlanta.com"),
            (.cseq, "314159 INVITE"),
            (.timestamp, "54"),
            (.contact, "<sip:alice@pc33.atlanta.com>"),
            (.contentType, "application/sdp"),
            (.contentLength, "4"),
        ], body: Array("v=0\n".utf8))
    }

    /// A non-INVITE request with the same dialog-less shape (REGISTER, OPTIONS, BYE, CANCEL…).
    static func request(_ method: SIPMethod, cseq: Int = 1826) -> SIPRequest {
        SIPRequest(method: method, uri: atlantaURI, headers: [
            (.via, "SIP/2.0/UDP \(sentBy);branch=\(branch)"),
            (.maxForwards, "70"),
            (.to, "Alice <sip:alice@atlanta.com>"),
            (.from, "Alice <sip:alice@atlanta.com>;tag=456248"),
            (.callID, "843817637684230@998sdasdh09"),
            (.cseq, "\(cseq) \(method)"),
            (.contentLength, "0"),
        ])
    }

    /// A response to `request` as RFC 3261 §8.2.6 builds it, with `toTag` added to To.
    static func response(_ status: Int, to request: SIPRequest, toTag: String? = "a6c85cf") -> SIPResponse {
        var headers = SIPHeaders()
        for via in request.headers.values(.via) { headers.append(.via, via) }
        let to = request.headers[.to] ?? ""
        headers.append(.to, toTag.map { "\(to);tag=\($0)" } ?? to)
        for name in [SIPHeaderName.from, .callID, .cseq] {
            if let value = request.headers[name] { headers.append(name, value) }
        }
        headers.append(.contentLength, "0")
        return SIPResponse(statusCode: status, reasonPhrase: reason(status), headers: headers)
    }

    /// The ACK a client sends for a response to `invite`: for a non-2xx it reuses the branch
    /// (RFC 3261 §17.1.1.3), which is what makes it match the INVITE server transaction.
    static func ack(for invite: SIPRequest, toTag: String = "a6c85cf") -> SIPRequest {
        var ack = invite
        ack.method = .ack
        ack.headers.set(.cseq, "314159 ACK")
        ack.headers.set(.to, "\(invite.headers[.to] ?? "");tag=\(toTag)")
        ack.body = []
        ack.headers.set(.contentLength, "0")
        return ack
    }

    static func clientKey(_ method: SIPMethod) -> TransactionKey {
        .client(branch: branch, method: method)
    }

    static func serverKey(_ method: SIPMethod) throws -> TransactionKey {
        try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: method))
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Trying"
        case 180: "Ringing"
        case 183: "Session Progress"
        case 200: "OK"
        case 401: "Unauthorized"
        case 486: "Busy Here"
        case 603: "Decline"
        default: "Status \(status)"
        }
    }
}

/// Milliseconds of virtual time; every expected instant in these tests is a whole number of
/// milliseconds, so comparisons are exact `Duration` equality (no Double conversions).
func ms(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }

/// `[0, 500, 1500]` in milliseconds → Durations.
func ms(_ milliseconds: [Int]) -> [Duration] { milliseconds.map(ms) }

/// Gaps between consecutive instants.
func intervals(_ times: [Duration]) -> [Duration] {
    zip(times.dropFirst(), times).map { $0 - $1 }
}
