import TestSupport
import SIPAuth
import SIPSyntax
@testable import SIPRegistration

/// SplitMix64 (TestSupport): seeded, so every run draws the same values.
typealias SeededRandom = SplitMix64

/// A cnonce source that counts, so each cnonce differs but runs repeat.
final class CountingCnonceSource: RandomSource, @unchecked Sendable {
    private var counter: UInt8 = 0

    func randomBytes(count: Int) throws(DigestError) -> [UInt8] {
        counter &+= 1
        return [UInt8](repeating: counter, count: count)
    }
}

func sipURI(_ text: String) -> SIPURI {
    guard case .sip(let uri)? = try? URI(parsing: text) else { fatalError("test URI \(text) does not parse") }
    return uri
}

extension Array where Element == RegistrationAction {
    var sent: [SIPRequest] { compactMap { if case .send(let request) = $0 { request } else { nil } } }
    var states: [RegistrationState] { compactMap { if case .stateChanged(let state) = $0 { state } else { nil } } }
    var started: [(RegistrationTimer, Duration)] {
        compactMap { if case .startTimer(let timer, let after) = $0 { (timer, after) } else { nil } }
    }
    var cancelled: [RegistrationTimer] { compactMap { if case .cancelTimer(let timer) = $0 { timer } else { nil } } }
    var rewrites: [(SIPURI, SIPURI)] {
        compactMap { if case .contactRewritten(let from, let to) = $0 { (from, to) } else { nil } }
    }
}

extension Array where Element == MWIAction {
    var sent: [SIPRequest] { compactMap { if case .send(let request) = $0 { request } else { nil } } }
    var states: [MWIState] { compactMap { if case .stateChanged(let state) = $0 { state } else { nil } } }
    var started: [(MWITimer, Duration)] {
        compactMap { if case .startTimer(let timer, let after) = $0 { (timer, after) } else { nil } }
    }
    var summaries: [MessageSummary] { compactMap { if case .summary(let summary) = $0 { summary } else { nil } } }
}

/// Builds a server's response to `request` as a registrar or notifier would (RFC 3261 §8.2.6):
/// From, Call-ID and CSeq copied, a To tag added, and the Via the transport would have added,
/// with `received`/`rport` when given.
func response(
    to request: SIPRequest, _ status: Int, _ reason: String = "OK", headers extra: [(SIPHeaderName, String)] = [],
    via: String = "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKtest"
) -> SIPResponse {
    var headers = SIPHeaders()
    headers.append(.via, via)
    headers.append(.from, request.headers[.from] ?? "")
    headers.append(.to, (request.headers[.to] ?? "") + ((try? request.headers.to)?.tag == nil ? ";tag=srv1" : ""))
    headers.append(.callID, request.headers[.callID] ?? "")
    headers.append(.cseq, request.headers[.cseq] ?? "")
    for (name, value) in extra { headers.append(name, value) }
    headers.append(.contentLength, "0")
    return SIPResponse(statusCode: status, reasonPhrase: reason, headers: headers)
}

/// The local 408/503 the transaction layer makes up: no To tag, CSeq copied.
func localResponse(to request: SIPRequest, _ status: Int) -> SIPResponse {
    var headers = SIPHeaders()
    headers.append(.from, request.headers[.from] ?? "")
    headers.append(.to, request.headers[.to] ?? "")
    headers.append(.callID, request.headers[.callID] ?? "")
    headers.append(.cseq, request.headers[.cseq] ?? "")
    return SIPResponse(statusCode: status, reasonPhrase: status == 408 ? "Request Timeout" : "Service Unavailable", headers: headers)
}

/// The digest credentials in `request` checked the way a registrar would (SIPAuth's verifier).
func verifyDigest(
    in request: SIPRequest, header: SIPHeaderName = .authorization, user: UserCredentials
) -> (DigestVerification?, DigestCredentials?) {
    guard let value = request.headers[header], let credentials = try? DigestCredentials.parse(value) else { return (nil, nil) }
    let verdict = try? DigestVerifier.verify(credentials, user: user, method: request.method.rawValue)
    return (verdict, credentials)
}

/// The request's bytes parsed back, proving it is well-formed on the wire.
func roundTrip(_ request: SIPRequest) throws -> SIPRequest? {
    var withVia = request
    withVia.headers.prepend(.via, "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKrt")
    guard case .request(let parsed) = try SIPMessageParser.parse(datagram: withVia.serialized()) else { return nil }
    return parsed
}
