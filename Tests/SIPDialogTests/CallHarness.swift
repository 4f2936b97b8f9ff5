import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

/// Alice (us, 192.0.2.10) and Bob (the peer, 198.51.100.20) with hand-written peer messages,
/// on a virtual clock that fires the session's timers exactly when they are due.
enum Party {
    static let alice = SIPAddress(displayName: "Alice", uri: .sip(SIPURI(user: "alice", host: .hostname("atlanta.example.com"))))
    static let aliceContact = URI.sip(SIPURI(user: "alice", host: .ipv4("192.0.2.10"), port: 5060))
    static let bob = URI.sip(SIPURI(user: "bob", host: .hostname("biloxi.example.com")))
    static let media = LocalMediaCapabilities(address: "192.0.2.10", rtpPort: 40000, codecs: [.pcmu, .pcma, .telephoneEvent()])

    static func configuration(credentials: CallCredentials? = nil, sessionTimer: SessionTimerPolicy? = nil) -> InviteSessionConfiguration {
        InviteSessionConfiguration(localAddress: alice, contact: aliceContact, media: media,
                                   credentials: credentials, sessionTimer: sessionTimer)
    }

    static func session(seed: UInt64 = 7, credentials: CallCredentials? = nil, sessionTimer: SessionTimerPolicy? = nil) -> InviteSession {
        InviteSession(configuration: configuration(credentials: credentials, sessionTimer: sessionTimer),
                      random: SeededCallRandomSource(seed: seed))
    }

    /// Bob's SDP: an answer to our PCMU/PCMA offer, or an offer of his own.
    static func bobSDP(address: String = "198.51.100.20", port: Int = 49170, direction: String = "sendrecv",
                       version: Int = 1) -> String {
        """
        v=0
        o=bob 2890844527 \(version) IN IP4 \(address)
        s=-
        c=IN IP4 \(address)
        t=0 0
        m=audio \(port) RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=\(direction)

        """
    }
}

/// Bob's side of the wire: responses to the session's requests and requests of his own.
struct Peer {
    var tag = "bob-tag-1"
    var contact = "<sip:bob@198.51.100.20:5062>"
    var cseq: UInt32 = 100
    var callID = "call-from-bob@198.51.100.20"

    /// A response to a request the session sent, as it comes back through the transaction
    /// layer (which had added this Via).
    func respond(to request: SIPRequest, _ status: Int, _ reason: String, tag: String? = nil,
                 extra: [String] = [], sdp: String? = nil, contentType: String = "application/sdp",
                 contact: Bool = true) -> SIPResponse {
        var to = request.headers[.to] ?? ""
        if !to.contains("tag="), status > 100 { to += ";tag=\(tag ?? self.tag)" }
        var lines = [
            "SIP/2.0 \(status) \(reason)",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-\((request.headers[.cseq] ?? "").replacingOccurrences(of: " ", with: "-"))",
            "From: \(request.headers[.from] ?? "")",
            "To: \(to)",
            "Call-ID: \(request.headers[.callID] ?? "")",
            "CSeq: \(request.headers[.cseq] ?? "")",
        ]
        if contact && status < 300 { lines.append("Contact: \(self.contact)") }
        lines += extra
        if sdp != nil { lines.append("Content-Type: \(contentType)") }
        return Wire.response(lines.joined(separator: "\n"), body: sdp ?? "")
    }

    /// Bob's initial INVITE to Alice.
    mutating func invite(sdp: String? = Party.bobSDP(), extra: [String] = []) -> SIPRequest {
        var lines = [
            "INVITE sip:alice@192.0.2.10:5060 SIP/2.0",
            "Via: SIP/2.0/UDP 198.51.100.20:5062;branch=z9hG4bK-bob-\(cseq)",
            "Max-Forwards: 70",
            "From: \"Bob\" <sip:bob@biloxi.example.com>;tag=\(tag)",
            "To: <sip:alice@atlanta.example.com>",
            "Call-ID: \(callID)",
            "CSeq: \(cseq) INVITE",
            "Contact: \(contact)",
        ] + extra
        if sdp != nil { lines.append("Content-Type: application/sdp") }
        return Wire.request(lines.joined(separator: "\n"), body: sdp ?? "")
    }

    /// A request from Bob inside the dialog `dialog` (Alice's view).
    mutating func request(_ method: String, in dialog: Dialog, cseq explicit: UInt32? = nil, extra: [String] = [],
                          body: String = "", contentType: String? = nil) -> SIPRequest {
        if explicit == nil, method != "ACK" { cseq += 1 }
        let number = explicit ?? cseq
        var lines = [
            "\(method) \(Party.aliceContact) SIP/2.0",
            "Via: SIP/2.0/UDP 198.51.100.20:5062;branch=z9hG4bK-bob-\(method)-\(number)",
            "Max-Forwards: 70",
            "From: \(dialog.remoteAddress.serialized)",
            "To: \(dialog.localAddress.serialized)",
            "Call-ID: \(dialog.id.callID)",
            "CSeq: \(number) \(method)",
        ] + extra
        if let contentType { lines.append("Content-Type: \(contentType)") }
        return Wire.request(lines.joined(separator: "\n"), body: body)
    }
}

/// Runs timers on a virtual clock: `.startTimer` arms, `.cancelTimer` disarms, `advance`
/// fires whatever falls due, in time order, exactly at its due time.
struct Timeline {
    private(set) var now: Duration = .zero
    private(set) var armed: [CallTimer: Duration] = [:]
    /// Every action with the virtual time it was produced at.
    private(set) var log: [(Duration, CallAction)] = []

    mutating func record(_ actions: [CallAction]) {
        for action in actions {
            log.append((now, action))
            switch action {
            case .startTimer(let timer, let after): armed[timer] = now + after
            case .cancelTimer(let timer): armed[timer] = nil
            default: break
            }
        }
    }

    /// Advances to `time`, firing due timers on `session`; returns the actions produced.
    @discardableResult
    mutating func advance(to time: Duration, _ session: inout InviteSession) -> [CallAction] {
        var produced: [CallAction] = []
        while let (timer, due) = armed.min(by: { $0.value < $1.value }), due <= time {
            now = due
            armed[timer] = nil
            let actions = session.timerFired(timer)
            record(actions)
            produced += actions
        }
        now = time
        return produced
    }
}

extension InviteSession {
    /// Feeds actions through a timeline as they are produced.
    mutating func receive(_ request: SIPRequest, on timeline: inout Timeline) -> [CallAction] {
        let actions = receive(request)
        timeline.record(actions)
        return actions
    }
}

extension Array where Element == CallAction {
    var acks: [SIPRequest] { compactMap { if case .sendACK(let ack) = $0 { ack } else { nil } } }
    var cancels: [SIPRequest] { compactMap { if case .sendCancel(let request) = $0 { request } else { nil } } }
    var endReason: CallEndReason? {
        for event in events { if case .ended(let reason) = event { return reason } }
        return nil
    }
}

extension SIPRequest {
    var text: String { String(decoding: body, as: UTF8.self) }
    var cseqText: String { headers[.cseq] ?? "" }
}

extension SIPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
