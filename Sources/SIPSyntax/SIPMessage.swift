/// A SIP request (RFC 3261 §7.1): start line, header fields and an opaque body.
public struct SIPRequest: Hashable, Sendable {
    public var method: SIPMethod
    public var uri: URI
    public var version: SIPVersion
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(
        method: SIPMethod, uri: URI, version: SIPVersion = .sip20,
        headers: SIPHeaders = [], body: [UInt8] = []
    ) {
        self.method = method
        self.uri = uri
        self.version = version
        self.headers = headers
        self.body = body
    }
}

/// A SIP response (RFC 3261 §7.2).
public struct SIPResponse: Hashable, Sendable {
    public var version: SIPVersion
    /// 100–699 (RFC 3261 §7.2, §21; RFC 4475 §3.1.2.17 rejects larger codes).
    public var statusCode: Int
    public var reasonPhrase: String
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(
        statusCode: Int, reasonPhrase: String, version: SIPVersion = .sip20,
        headers: SIPHeaders = [], body: [UInt8] = []
    ) {
        self.version = version
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }

    /// 1xx (RFC 3261 §7.2).
    public var isProvisional: Bool { (100..<200).contains(statusCode) }
    /// 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
    /// 200–699: ends a client transaction's Proceeding state.
    public var isFinal: Bool { statusCode >= 200 }
}

/// Either kind of SIP message.
public enum SIPMessage: Hashable, Sendable {
    case request(SIPRequest)
    case response(SIPResponse)

    public var headers: SIPHeaders {
        switch self {
        case .request(let request): request.headers
        case .response(let response): response.headers
        }
    }

    public var body: [UInt8] {
        switch self {
        case .request(let request): request.body
        case .response(let response): response.body
        }
    }
}
