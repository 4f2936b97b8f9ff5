/// The status line of a `message/sipfrag` body (RFC 3420) in a NOTIFY for REFER
/// (RFC 3515 §2.4.5): how the call the peer placed for us is going.
public struct SipfragStatus: Hashable, Sendable {
    public static let contentType = "message/sipfrag;version=2.0"

    public var statusCode: Int
    public var reasonPhrase: String

    public init(statusCode: Int, reasonPhrase: String) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
    }

    /// `SIP/2.0 200 OK` and a CRLF.
    public var body: [UInt8] { Array("SIP/2.0 \(statusCode) \(reasonPhrase)\r\n".utf8) }

    /// Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; anything after the
    /// first line (a fragment may carry headers) is ignored.
    public static func parse(_ body: [UInt8]) throws(TransferError) -> SipfragStatus {
        guard let text = String(validating: body.prefix(4096), as: UTF8.self) else { throw .malformedSipfrag("not UTF-8") }
        guard let line = text.split(whereSeparator: \.isNewline).first else { throw .malformedSipfrag("empty") }
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].uppercased() == "SIP/2.0" else { throw .malformedSipfrag("no SIP/2.0 status line") }
        guard parts[1].count == 3, let code = Int(parts[1]), (100...699).contains(code) else {
            throw .malformedSipfrag("status code '\(parts[1])'")
        }
        return SipfragStatus(statusCode: code, reasonPhrase: parts.count > 2 ? String(parts[2]) : "")
    }
}
