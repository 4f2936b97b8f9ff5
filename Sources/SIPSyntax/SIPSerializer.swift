/// Serialization to wire bytes (RFC 3261 §7): start line, one line per header field, an empty
/// line, then the body. Header values are written as stored; whoever builds a message sets its
/// Content-Length (the transport layer's message builders do), so a relayed message is
/// unchanged.
extension SIPRequest {
    /// The request line: `Method SP Request-URI SP SIP-Version` (RFC 3261 §7.1).
    public var startLine: String { "\(method.rawValue) \(uri) \(version.text)" }

    public func serialized() -> [UInt8] {
        SIPSerializer.serialize(startLine: startLine, headers: headers, body: body)
    }
}

extension SIPResponse {
    /// The status line: `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.2).
    public var startLine: String { "\(version.text) \(statusCode) \(reasonPhrase)" }

    public func serialized() -> [UInt8] {
        SIPSerializer.serialize(startLine: startLine, headers: headers, body: body)
    }
}

extension SIPMessage {
    public var startLine: String {
        switch self {
        case .request(let request): request.startLine
        case .response(let response): response.startLine
        }
    }

    public func serialized() -> [UInt8] {
        switch self {
        case .request(let request): request.serialized()
        case .response(let response): response.serialized()
        }
    }
}

enum SIPSerializer {
    static func serialize(startLine: String, headers: SIPHeaders, body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(startLine.utf8.count + headers.count * 48 + body.count + 4)
        out.append(contentsOf: startLine.utf8)
        out.append(contentsOf: crlf)
        for field in headers {
            out.append(contentsOf: field.name.name.utf8)
            out.append(contentsOf: colonSpace)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: crlf)
        }
        out.append(contentsOf: crlf)
        out.append(contentsOf: body)
        return out
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let colonSpace: [UInt8] = [UInt8(ascii: ":"), 0x20]
}
