import SIPSyntax
import SIPTransport

/// What Dialtone tells others it can do (RFC 3261 §11.2 OPTIONS answers, Allow in REGISTER).
/// Grows with the engine: only methods the engine really handles are listed.
enum Capabilities {
    static let allow = "INVITE, ACK, CANCEL, BYE, UPDATE, INFO, REFER, NOTIFY, MESSAGE, OPTIONS, PRACK"
    static let accept = "application/sdp, application/simple-message-summary, message/sipfrag, application/dtmf-relay, text/plain"
    static let supported = "outbound, path, replaces, timer"

    /// 200 OK to an OPTIONS with Allow, Accept and Supported (RFC 3261 §11.2).
    static func optionsAnswer(to request: SIPRequest, userAgent: String, toTag: String) -> SIPResponse {
        var response = ResponseFactory.response(to: request, statusCode: 200, reasonPhrase: "OK", toTag: toTag, server: userAgent)
        response.headers.remove(.contentLength)
        response.headers.append(.allow, allow)
        response.headers.append(.accept, accept)
        response.headers.append(.supported, supported)
        response.headers.append(.contentLength, "0")
        return response
    }
}
