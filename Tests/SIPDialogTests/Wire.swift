import SDP
import SIPSyntax
import TestSupport
@testable import SIPDialog

/// Hand-written peer messages: text with `\n` line ends becomes a parsed message with CRLF
/// and a correct Content-Length, so tests read like the traces they imitate.
enum Wire {
    static func message(_ text: String, body: String = "") -> SIPMessage {
        let head = text.trimmingTrailingNewlines.replacingOccurrences(of: "\n", with: "\r\n")
        let bodyBytes = Array(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let bytes = Array((head + "\r\nContent-Length: \(bodyBytes.count)\r\n\r\n").utf8) + bodyBytes
        do {
            return try SIPMessageParser.parse(datagram: bytes)
        } catch {
            fatalError("test message does not parse: \(error)\n\(text)")
        }
    }

    static func request(_ text: String, body: String = "") -> SIPRequest {
        guard case .request(let request) = message(text, body: body) else { fatalError("not a request") }
        return request
    }

    static func response(_ text: String, body: String = "") -> SIPResponse {
        guard case .response(let response) = message(text, body: body) else { fatalError("not a response") }
        return response
    }

    /// A fixture message from `Tests/Fixtures/<path>`.
    static func fixture(_ path: String) throws -> SIPMessage {
        try SIPMessageParser.parse(datagram: try Fixtures.bytes(path))
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
